import ArgumentParser
import FieldOpsInventory
import FieldOpsModel

extension FieldOps.Stock {
    struct Adjust: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a physical count: the book is brought to the counted quantity (closes an open discrepancy).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Part id.") var part: String
        @Option(help: "Warehouse or van counted.") var location: String
        @Option(help: "The quantity counted.") var counted: Int

        func validate() throws {
            try checkOption(counted, 0...InputLimits.quantity, "counted")
        }
        @OptionGroup var posting: PostingOptions

        func run() async throws {
            try await reportingFailures {
                try postMovement(.adjust(part: PartID(rawValue: part), location: LocationID(rawValue: location), counted: counted),
                                 database: database, posting: posting)
            }
        }
    }
}
