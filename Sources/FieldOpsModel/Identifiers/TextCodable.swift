/// A value written in files as one string (`2026-11-23`, `08:30`, `P2`, `4h`, `Europe/Berlin`).
public protocol TextCodable: Codable {
    init?(codingText: String)
    var codingText: String { get }
    /// What the string should look like, for the decoding error: "a YYYY-MM-DD date".
    static var codingTextExpectation: String { get }
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        try self.init(textFrom: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeText(to: encoder)
    }

    /// The decoding itself, for types (raw-value enums) whose standard library conformance would win otherwise.
    public init(textFrom decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(codingText: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not \(Self.codingTextExpectation)")
        }
        self = value
    }

    public func encodeText(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(codingText)
    }
}
