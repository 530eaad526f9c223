import ArgumentParser
import FieldOpsInventory
import FieldOpsModel
import FieldOpsReports
import FieldOpsScheduler

extension FieldOps.Stock {
    struct Replenish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What to load into each van for a planned day, and from which warehouse; then what to reorder.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The plan (JSON).") var plan: String
        @Option(help: "The day (YYYY-MM-DD); default: the plan's first day.") var date: String?
        @Flag(help: "JSON instead of tables.") var json = false
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let date, LocalDate(date) == nil { throw ValidationError("--date must be YYYY-MM-DD") }
        }

        func run() async throws {
            try await reportingFailures {
                let loaded = try loadPlan(plan)
                let db = try database.open()
                let day = date.flatMap { LocalDate($0) } ?? loaded.problem.horizon.start
                let zone = loaded.problem.horizon.timeZone
                let vans = Dictionary(uniqueKeysWithValues: loaded.problem.technicians.map { ($0.id, $0.van) })
                let orders = Dictionary(uniqueKeysWithValues: loaded.problem.orders.map { ($0.number, $0) })
                var needs: [LocationID: [PartQuantity]] = [:]
                for assignment in loaded.assignments where zone.local(assignment.start).date == day {
                    guard let van = vans[assignment.technicianId], let order = orders[assignment.workOrder] else { continue }
                    needs[van, default: []] += order.requiredParts
                }
                let locations = try db.locations()
                let known = Set(locations.map(\.id))
                for van in needs.keys where !known.contains(van) {
                    throw CommandFailure("\(database.db): van \(van) is not in the stock book; run `fieldops stock setup --problem` first")
                }
                let balances = try db.balances()
                let available = Dictionary(balances.map { ("\($0.partId)|\($0.location)", $0.available) }, uniquingKeysWith: { a, _ in a })
                let lookup: (PartID, LocationID) -> Int = { available["\($0)|\($1)"] ?? 0 }
                let lines = Replenishment.lines(
                    needs: needs.map { ($0.key, $0.value) }, warehouses: locations.filter { $0.kind == .warehouse }.map(\.id), available: lookup)
                let suggestions = Replenishment.reorderSuggestions(points: try db.reorderPoints(), available: lookup)
                if json {
                    struct Report: Encodable { var date: LocalDate; var load: [ReplenishmentLine]; var reorder: [ReorderSuggestion] }
                    print(String(decoding: try ProblemFileWriter.data(Report(date: day, load: lines, reorder: suggestions)), as: UTF8.self), terminator: "")
                    return
                }
                print(output.style.bold("Van loading for \(day)"))
                if lines.isEmpty { print("every van already holds what its orders need") }
                var table = TextTable(columns: [.init("Van"), .init("Part"), .init("Needed", alignRight: true), .init("In van", alignRight: true), .init("Load", alignRight: true), .init("From"), .init("Short", alignRight: true)])
                for line in lines {
                    table.append([line.van.rawValue, line.partId.rawValue, "\(line.needed)", "\(line.inVan)", "\(line.load)", line.warehouse?.rawValue ?? "–", line.short > 0 ? "\(line.short)" : ""])
                }
                if !lines.isEmpty { for line in table.render(style: output.style) { print(line) } }
                print("")
                print(output.style.bold("Reorder"))
                if suggestions.isEmpty { print("nothing at or below its reorder point") }
                var reorder = TextTable(columns: [.init("Location"), .init("Part"), .init("Available", alignRight: true), .init("Reorder point", alignRight: true), .init("Order", alignRight: true)])
                for item in suggestions {
                    reorder.append([item.location.rawValue, item.partId.rawValue, "\(item.available)", "\(item.point)", "\(item.orderQuantity)"])
                }
                if !suggestions.isEmpty { for line in reorder.render(style: output.style) { print(line) } }
            }
        }
    }
}
