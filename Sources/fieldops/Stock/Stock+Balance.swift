import ArgumentParser
import FieldOpsInventory
import FieldOpsModel
import FieldOpsReports

extension FieldOps.Stock {
    struct Balance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "On hand, reserved and available per part and location.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this location.") var location: String?
        @Flag(help: "JSON instead of a table.") var json = false
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let balances = try database.open().balances(location: location.map(LocationID.init(rawValue:)))
                if json {
                    print(String(decoding: try ProblemFileWriter.data(balances), as: UTF8.self), terminator: "")
                    return
                }
                var table = TextTable(columns: [.init("Location"), .init("Part"), .init("On hand", alignRight: true), .init("Reserved", alignRight: true), .init("Available", alignRight: true)])
                for balance in balances {
                    table.append([balance.location.rawValue, balance.partId.rawValue, "\(balance.onHand)", "\(balance.reserved)", "\(balance.available)"])
                }
                for line in table.render(style: output.style) { print(line) }
            }
        }
    }
}
