import ArgumentParser
import FieldOpsInventory
import FieldOpsModel

extension FieldOps.Stock {
    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a defective part taken out at a customer's site, carried back in a van.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Part id.") var part: String
        @Option(help: "The van carrying it.") var van: String
        @Option(help: "Quantity.") var quantity: Int
        @Option(help: "Work order number.") var order: String
        @Option(help: "Serial number (serialized parts).") var serial: String?
        @OptionGroup var posting: PostingOptions

        func run() async throws {
            try await reportingFailures {
                try postMovement(.returnDefective(part: PartID(rawValue: part), van: LocationID(rawValue: van), quantity: quantity, workOrder: WorkOrderNumber(rawValue: order), serial: serial),
                                 database: database, posting: posting)
            }
        }
    }
}
