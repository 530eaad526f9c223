/// How long it takes to drive between two places, and how far it is.
public enum TravelModel: Hashable, Sendable {
    /// Great-circle distance × `roadFactor` (roads are not straight), driven at `speedKmh`.
    case haversine(roadFactor: Double, speedKmh: Double)
    /// A table from a routing engine (the shape of its table response): seconds and metres between locations.
    case matrix(TravelMatrix)

    public static let cityDefault = TravelModel.haversine(roadFactor: 1.3, speedKmh: 30)
}

extension TravelModel: Codable {
    enum CodingKeys: String, CodingKey {
        case model, roadFactor, speedKmh
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .model) {
        case "haversine":
            self = .haversine(
                roadFactor: try container.decode(Double.self, forKey: .roadFactor),
                speedKmh: try container.decode(Double.self, forKey: .speedKmh))
        case "matrix":
            self = .matrix(try TravelMatrix(from: decoder))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .model, in: container, debugDescription: "unknown travel model \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .haversine(let roadFactor, let speedKmh):
            try container.encode("haversine", forKey: .model)
            try container.encode(roadFactor, forKey: .roadFactor)
            try container.encode(speedKmh, forKey: .speedKmh)
        case .matrix(let matrix):
            try container.encode("matrix", forKey: .model)
            try matrix.encode(to: encoder)
        }
    }
}
