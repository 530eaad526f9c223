/// The parts catalog as a spreadsheet. Columns: `id`, `name`, `unit`, `serialized` (yes/no), `standard_cost`
/// (minor units of the currency, e.g. cents).
public enum PartCSV {
    public static let columns = ["id", "name", "unit", "serialized", "standard_cost"]

    static func read(_ table: CSVTable, file: String) -> (parts: [(line: Int, part: Part)], issues: [ProblemIssue]) {
        let reader = CSVRecordReader(file: file, table: table, required: ["id", "standard_cost"], known: columns)
        guard !reader.missingRequiredColumns else { return ([], reader.issues) }
        var result: [(Int, Part)] = []
        for row in table.rows {
            reader.select(row)
            let errorsBefore = reader.issues.count
            let id = reader.required("id")
            let cost = reader.int("standard_cost")
            if reader.text("standard_cost") == nil { reader.error("standard_cost", "is empty; a value is required") }
            let serialized = reader.bool("serialized") ?? false
            guard reader.issues[errorsBefore...].allSatisfy({ $0.severity != .error }), let id, let cost else { continue }
            result.append((row.line, Part(
                id: PartID(rawValue: id), name: reader.text("name") ?? "", unit: reader.text("unit") ?? "pcs",
                serialized: serialized, standardCost: cost)))
        }
        return (result, reader.issues)
    }

    public static func table(_ parts: [Part]) -> CSVTable {
        CSVTable(header: columns, rows: parts.enumerated().map { index, part in
            CSVTable.Row(line: index + 2, fields: [
                part.id.rawValue, part.name, part.unit, part.serialized ? "yes" : "no", String(part.standardCost),
            ])
        })
    }
}
