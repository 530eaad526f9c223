import ArgumentParser
import FieldOpsInventory
import FieldOpsModel
import FieldOpsReports

extension FieldOps.Stock {
    struct ReorderPoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reorder-point", abstract: "Set when to reorder a part for a location: at or below --point, order --quantity.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Part id.") var part: String
        @Option(help: "Warehouse or van.") var location: String
        @Option(help: "Reorder when available stock is at or below this.") var point: Int
        @Option(help: "How many to order.") var quantity: Int

        func validate() throws {
            try checkOption(point, 0...InputLimits.quantity, "point")
            try checkOption(quantity, 1...InputLimits.quantity, "quantity")
        }

        func run() async throws {
            try await reportingFailures {
                let db = try database.open()
                let locations = Set(try db.locations().filter { $0.kind.isReal }.map(\.id))
                guard locations.contains(LocationID(rawValue: location)) else { throw CommandFailure("unknown warehouse or van \(location)") }
                guard try db.parts().contains(where: { $0.id.rawValue == part }) else { throw CommandFailure("unknown part \(part)") }
                try db.setReorderPoint(part: PartID(rawValue: part), location: LocationID(rawValue: location), point: point, quantity: quantity)
                print("\(part) at \(location): reorder \(quantity) when \(point) or fewer are available")
            }
        }
    }

    struct Reorder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Parts at or below their reorder point, and how many to order.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let db = try database.open()
                let available = Dictionary(try db.balances().map { ("\($0.partId)|\($0.location)", $0.available) }, uniquingKeysWith: { a, _ in a })
                let suggestions = Replenishment.reorderSuggestions(points: try db.reorderPoints()) { available["\($0)|\($1)"] ?? 0 }
                if suggestions.isEmpty {
                    print("nothing at or below its reorder point")
                    return
                }
                var table = TextTable(columns: [.init("Location"), .init("Part"), .init("Available", alignRight: true), .init("Reorder point", alignRight: true), .init("Order", alignRight: true)])
                for item in suggestions {
                    table.append([item.location.rawValue, item.partId.rawValue, "\(item.available)", "\(item.point)", "\(item.orderQuantity)"])
                }
                for line in table.render(style: output.style) { print(line) }
            }
        }
    }
}
