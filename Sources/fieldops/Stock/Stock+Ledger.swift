import ArgumentParser
import FieldOpsInventory
import FieldOpsModel
import FieldOpsReports

extension FieldOps.Stock {
    struct Ledger: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The ledger entries, oldest first.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this part.") var part: String?
        @Option(help: "At most this many entries (the newest).") var limit: Int?
        @Flag(help: "JSON instead of a table.") var json = false
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                var entries = try database.open().ledger(part: part.map(PartID.init(rawValue:)))
                if let limit, entries.count > limit { entries = Array(entries.suffix(limit)) }
                if json {
                    print(String(decoding: try ProblemFileWriter.data(entries), as: UTF8.self), terminator: "")
                    return
                }
                var table = TextTable(columns: [
                    .init("Entry", alignRight: true), .init("Kind"), .init("Part"), .init("Qty", alignRight: true), .init("From"), .init("To"),
                    .init("Unit cost", alignRight: true), .init("Order"), .init("Serial"), .init("Reverses"), .init("By"),
                ])
                for entry in entries {
                    table.append([
                        "\(entry.id)", entry.kind.rawValue, entry.partId.rawValue, "\(entry.quantity)", entry.from.rawValue, entry.to.rawValue,
                        Money.text(entry.unitCost), entry.workOrder?.rawValue ?? "", entry.serial ?? "", entry.reverses.map(String.init) ?? "", entry.actor,
                    ])
                }
                for line in table.render(style: output.style) { print(line) }
            }
        }
    }
}
