import ArgumentParser
import FieldOpsInventory
import FieldOpsModel

extension FieldOps.Stock {
    struct Transfer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move parts between warehouses and vans (never below zero available).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Part id.") var part: String
        @Option(help: "From this warehouse or van.") var from: String
        @Option(help: "To this warehouse or van.") var to: String
        @Option(help: "Quantity.") var quantity: Int
        @Option(help: "Serial number (serialized parts).") var serial: String?
        @OptionGroup var posting: PostingOptions

        func validate() throws {
            try checkOption(quantity, 1...InputLimits.quantity, "quantity")
        }

        func run() async throws {
            try await reportingFailures {
                try postMovement(.transfer(part: PartID(rawValue: part), from: LocationID(rawValue: from), to: LocationID(rawValue: to), quantity: quantity, serial: serial),
                                 database: database, posting: posting)
            }
        }
    }
}
