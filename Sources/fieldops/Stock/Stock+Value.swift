import ArgumentParser
import FieldOpsInventory
import FieldOpsModel
import FieldOpsReports

extension FieldOps.Stock {
    struct Value: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stock value per location at moving-average cost, or the parts cost of a work order.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Print the parts cost of this work order instead.") var order: String?
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let db = try database.open()
                if let order {
                    let lines = try db.partsCost(workOrder: WorkOrderNumber(rawValue: order))
                    var table = TextTable(columns: [.init("Part"), .init("Used", alignRight: true), .init("Cost", alignRight: true)])
                    for line in lines { table.append([line.part.rawValue, "\(line.quantity)", Money.text(line.cost)]) }
                    table.append(["total", "", Money.text(lines.reduce(0) { $0 + $1.cost })])
                    for line in table.render(style: output.style) { print(line) }
                    return
                }
                let values = try db.stockValue()
                var table = TextTable(columns: [.init("Location"), .init("Value", alignRight: true)])
                for value in values { table.append([value.location.rawValue, Money.text(value.value)]) }
                table.append(["total", Money.text(values.reduce(0) { $0 + $1.value })])
                for line in table.render(style: output.style) { print(line) }
            }
        }
    }
}
