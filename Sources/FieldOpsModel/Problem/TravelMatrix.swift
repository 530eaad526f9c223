import Foundation

/// A routing engine's table response. Row and column `i` is `locations[i]`: a technician id (their home base)
/// or a work order number (its site). Without `locations`, rows are the technicians in file order, then the
/// orders in file order.
///
/// Figures are whole numbers, 4 bytes each, row after row: seconds rounded up and metres rounded, which is all the
/// planner uses (minutes rounded up from seconds rounded up are the minutes rounded up from the exact seconds). A
/// matrix of 5,300 locations is 112 MB a table.
public struct TravelMatrix: Hashable, Sendable {
    /// Rows, and columns.
    public let size: Int
    /// Seconds from row to column, row after row (`size × size`).
    public let durations: [Int32]
    /// Metres from row to column, row after row; when absent, distances are derived from durations at 30 km/h.
    public let distances: [Int32]?
    public var locations: [String]?
    /// The side files the tables were read from: written again (in a plan), the matrix names them and their
    /// checksums instead of copying millions of numbers.
    public var files: MatrixFiles?

    public init(size: Int, durations: [Int32], distances: [Int32]? = nil, locations: [String]? = nil, files: MatrixFiles? = nil) {
        precondition(durations.count == size * size && (distances?.count ?? size * size) == size * size, "a travel matrix is square")
        self.size = size
        self.durations = durations
        self.distances = distances
        self.locations = locations
        self.files = files
    }

    /// From rows of exact figures (seconds, metres), for matrices made in code; the rows must be square.
    public init(durations: [[Double]], distances: [[Double]]? = nil, locations: [String]? = nil) {
        self.init(
            size: durations.count, durations: durations.flatMap { $0.map { Int32(clamping: Int($0.rounded(.up))) } },
            distances: distances.map { $0.flatMap { $0.map { Int32(clamping: Int($0.rounded())) } } }, locations: locations)
    }

    /// Seconds from row `from` to row `to`.
    @inlinable public func seconds(_ from: Int, _ to: Int) -> Int { Int(durations[from * size + to]) }

    /// Metres from row `from` to row `to`, when the matrix has distances.
    @inlinable public func meters(_ from: Int, _ to: Int) -> Int? { distances.map { Int($0[from * size + to]) } }

    /// A table's rows, for writing it out.
    func rows(_ table: [Int32]) -> [[Int32]] {
        (0..<size).map { Array(table[$0 * size..<($0 + 1) * size]) }
    }

    /// FNV-1a over a table's figures: what a plan records of a side file, to tell when the file has changed since.
    public static func checksum(_ table: [Int32]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in table {
            hash = (hash ^ UInt64(UInt32(bitPattern: value))) &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}

/// The side files of a matrix (see docs/problem-format.md): absolute paths and the checksums of their figures.
public struct MatrixFiles: Hashable, Sendable, Codable {
    public var durations: MatrixFileReference
    public var distances: MatrixFileReference?

    public init(durations: MatrixFileReference, distances: MatrixFileReference? = nil) {
        self.durations = durations
        self.distances = distances
    }
}

public struct MatrixFileReference: Hashable, Sendable, Codable {
    public var path: String
    public var checksum: String

    public init(path: String, checksum: String) {
        self.path = path
        self.checksum = checksum
    }
}

extension TravelMatrix: Codable {
    enum CodingKeys: String, CodingKey {
        case durations, distances, locations, durationsFile, durationsChecksum, distancesFile, distancesChecksum
    }

    /// Inline rows, or side files named with their checksums (a plan of a problem that had them); a side file
    /// that is missing or no longer has the figures it had is an error, not a different plan.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let locations = try container.decodeIfPresent([String].self, forKey: .locations)
        if let path = try container.decodeIfPresent(String.self, forKey: .durationsFile) {
            func table(_ path: String, _ checksumKey: CodingKeys, _ rounding: NumberTable.Rounding) throws -> (Int, [Int32], MatrixFileReference) {
                let checksum = try container.decode(String.self, forKey: checksumKey)
                let read: (size: Int, values: [Int32])
                do {
                    read = try MatrixFileReader.read(path, rounding: rounding)
                } catch {
                    throw DecodingError.dataCorruptedError(forKey: checksumKey, in: container, debugDescription: "\(path): \(error.description)")
                }
                guard Self.checksum(read.values) == checksum else {
                    throw DecodingError.dataCorruptedError(
                        forKey: checksumKey, in: container,
                        debugDescription: "\(path) has changed since this was written (checksum \(Self.checksum(read.values)), expected \(checksum))")
                }
                return (read.size, read.values, MatrixFileReference(path: path, checksum: checksum))
            }
            let durations = try table(path, .durationsChecksum, .up)
            let distances = try container.decodeIfPresent(String.self, forKey: .distancesFile).map { try table($0, .distancesChecksum, .nearest) }
            guard distances.map({ $0.0 == durations.0 }) ?? true else {
                throw DecodingError.dataCorruptedError(forKey: .distancesFile, in: container, debugDescription: "durations and distances differ in size")
            }
            self.init(
                size: durations.0, durations: durations.1, distances: distances?.1, locations: locations,
                files: MatrixFiles(durations: durations.2, distances: distances?.2))
            return
        }
        let durations = try container.decode([[Double]].self, forKey: .durations)
        let distances = try container.decodeIfPresent([[Double]].self, forKey: .distances)
        guard durations.allSatisfy({ $0.count == durations.count }),
              distances.map({ $0.count == durations.count && $0.allSatisfy { $0.count == durations.count } }) ?? true
        else {
            throw DecodingError.dataCorruptedError(forKey: .durations, in: container, debugDescription: "a travel matrix must be square")
        }
        self.init(durations: durations, distances: distances, locations: locations)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let files {
            try container.encode(files.durations.path, forKey: .durationsFile)
            try container.encode(files.durations.checksum, forKey: .durationsChecksum)
            try container.encodeIfPresent(files.distances?.path, forKey: .distancesFile)
            try container.encodeIfPresent(files.distances?.checksum, forKey: .distancesChecksum)
        } else {
            try container.encode(rows(durations), forKey: .durations)
            try container.encodeIfPresent(distances.map(rows), forKey: .distances)
        }
        try container.encodeIfPresent(locations, forKey: .locations)
    }
}
