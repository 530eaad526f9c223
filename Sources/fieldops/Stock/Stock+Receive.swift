import ArgumentParser
import FieldOpsInventory
import FieldOpsModel

extension FieldOps.Stock {
    struct Receive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record parts received from a supplier.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Part id.") var part: String
        @Option(help: "Warehouse (or van) receiving them.") var to: String
        @Option(help: "Quantity, in the part's unit.") var quantity: Int
        @Option(help: "Purchase price of one unit, in minor units (cents).") var unitCost: Int
        @Option(help: "Serial number (serialized parts).") var serial: String?
        @OptionGroup var posting: PostingOptions

        func validate() throws {
            try checkOption(quantity, 1...InputLimits.quantity, "quantity")
            try checkOption(unitCost, 0...InputLimits.money, "unit-cost")
        }

        func run() async throws {
            try await reportingFailures {
                try postMovement(.receive(part: PartID(rawValue: part), to: LocationID(rawValue: to), quantity: quantity, unitCost: unitCost, serial: serial),
                                 database: database, posting: posting)
            }
        }
    }
}
