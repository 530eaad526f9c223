import Foundation

/// Writes problems (and anything else Codable) as the JSON the readers take.
public enum ProblemFileWriter {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    public static func data(_ problem: Problem) throws -> Data {
        var data = try encoder().encode(problem)
        data.append(0x0A)
        return data
    }

    /// Writes through a temporary file and a rename, so that a failure never leaves half a file behind.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try data.write(to: url, options: .atomic)
    }
}
