import Foundation

/// Writes problems (and anything else Codable) as the JSON the readers take.
public enum ProblemFileWriter {
    /// Identity and the fields a person looks for first; the rest follow alphabetically.
    public static let keyOrder = [
        "formatVersion", "number", "id", "name", "horizon", "skills", "policy", "travel", "parts", "technicians",
        "orders", "status", "priority", "customer", "site", "category", "skill", "level", "minLevel",
        "start", "end", "earliestStart", "latestEnd", "minutes", "lat", "lon", "location", "address", "territory",
        "requiredSkills", "durationMinutes", "windows", "createdAt", "sla", "firstResponse", "resolution",
        "skills", "homeBase", "shifts", "van", "limits", "territories",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "P1", "P2", "P3", "P4",
    ]

    /// Any value as readable, deterministic JSON (see `JSONWriter`).
    public static func data<T: Encodable>(_ value: T, keyOrder: [String] = keyOrder) throws -> Data {
        // The compact text and the parser's copy go before the pretty text is made: a plan of 5,000 orders is tens
        // of megabytes each way.
        let node = try {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var parser = JSONParser(bytes: Array(try encoder.encode(value)), tables: JSONParser.matrixTables)
            return try parser.parseDocument()
        }()
        return Data(JSONWriter(keyOrder: keyOrder).text(node).utf8)
    }

    /// Writes through a temporary file and a rename, so that a failure never leaves half a file behind.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try data.write(to: url, options: .atomic)
    }
}
