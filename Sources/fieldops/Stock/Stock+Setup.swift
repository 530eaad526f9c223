import ArgumentParser
import FieldOpsInventory
import FieldOpsModel

extension FieldOps.Stock {
    struct Setup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the parts catalog and one van per technician from a problem file, and add warehouses.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Problem file whose parts and technicians (vans) to load.") var problem: String?
        @Option(help: "A warehouse, as ID or ID=Name (repeatable).") var warehouse: [String] = []

        func run() async throws {
            try await reportingFailures {
                let loaded = try problem.map { try loadProblem($0).problem }
                let warehouses = warehouse.map { text -> StockLocation in
                    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                    return StockLocation(id: LocationID(rawValue: parts[0]), kind: .warehouse, name: parts.count > 1 ? parts[1] : parts[0])
                }
                let vans = (loaded?.technicians ?? []).map {
                    StockLocation(id: $0.van, kind: .van, name: "Van of \($0.name)", technicianId: $0.id)
                }
                try database.open().setUpStock(parts: loaded?.parts ?? [], locations: warehouses + vans)
                print("\(database.db): \(loaded?.parts.count ?? 0) parts, \(warehouses.count) warehouses, \(vans.count) vans")
            }
        }
    }
}
