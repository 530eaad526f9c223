import ArgumentParser
import FieldOpsInventory
import FieldOpsModel

extension FieldOps.Stock {
    struct Consume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record parts used on a work order from a van (accepted even below zero; raises a discrepancy).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Part id.") var part: String
        @Option(help: "The van they came from.") var van: String
        @Option(help: "Quantity.") var quantity: Int
        @Option(help: "Work order number.") var order: String
        @Option(help: "Serial number (serialized parts).") var serial: String?
        @OptionGroup var posting: PostingOptions

        func run() async throws {
            try await reportingFailures {
                try postMovement(.consume(part: PartID(rawValue: part), van: LocationID(rawValue: van), quantity: quantity, workOrder: WorkOrderNumber(rawValue: order), serial: serial),
                                 database: database, posting: posting)
            }
        }
    }
}
