import ArgumentParser
import FieldOpsInventory
import FieldOpsModel

extension FieldOps.Stock {
    struct Scrap: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Scrap parts from a warehouse, a van or the defective returns.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Part id.") var part: String
        @Option(help: "From this location.") var from: String
        @Option(help: "Quantity.") var quantity: Int
        @Option(help: "Serial number (serialized parts).") var serial: String?
        @OptionGroup var posting: PostingOptions

        func validate() throws {
            try checkOption(quantity, 1...InputLimits.quantity, "quantity")
        }

        func run() async throws {
            try await reportingFailures {
                try postMovement(.scrap(part: PartID(rawValue: part), from: LocationID(rawValue: from), quantity: quantity, serial: serial),
                                 database: database, posting: posting)
            }
        }
    }
}
