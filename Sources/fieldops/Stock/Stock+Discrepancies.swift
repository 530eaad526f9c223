import ArgumentParser
import FieldOpsInventory
import FieldOpsModel
import FieldOpsReports

extension FieldOps.Stock {
    struct Discrepancies: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Vans that went below zero and wait for a count.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Closed ones too.") var all = false
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let list = try database.open().discrepancies(openOnly: !all)
                if list.isEmpty {
                    print(all ? "no discrepancies" : "no open discrepancies")
                    return
                }
                var table = TextTable(columns: [.init("#", alignRight: true), .init("Van"), .init("Part"), .init("Balance", alignRight: true), .init("Raised by entry", alignRight: true), .init("Closed by", alignRight: true)])
                for item in list {
                    table.append(["\(item.id)", item.location.rawValue, item.partId.rawValue, "\(item.balance)", "\(item.raisedBy)", item.closedBy.map(String.init) ?? "open"])
                }
                for line in table.render(style: output.style) { print(line) }
            }
        }
    }
}
