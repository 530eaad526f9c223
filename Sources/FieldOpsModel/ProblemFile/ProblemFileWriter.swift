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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let compact = try encoder.encode(value)
        var parser = JSONParser(bytes: Array(compact), tables: JSONParser.matrixTables)
        let node = try parser.parseDocument()
        return Data(JSONWriter(keyOrder: keyOrder).text(node).utf8)
    }

    /// Writes through a temporary file and a rename, so that a failure never leaves half a file behind.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try data.write(to: url, options: .atomic)
    }
}
