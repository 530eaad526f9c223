import ArgumentParser
import FieldOpsInventory
import FieldOpsModel

/// What a technician reports from a site: a part, the van, how many, for which order.
struct FieldMovementOptions: ParsableArguments {
    @Option(help: "Part id.") var part: String
    @Option(help: "The technician's van.") var van: String
    @Option(help: "Quantity.") var quantity: Int
    @Option(help: "Work order number.") var order: String
    @Option(help: "Serial number (serialized parts).") var serial: String?

    func validate() throws {
        try checkOption(quantity, 1...InputLimits.quantity, "quantity")
    }
}

extension FieldOps.Stock {
    struct Consume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record parts used on a work order from a van (accepted even below zero; raises a discrepancy).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var field: FieldMovementOptions
        @OptionGroup var posting: PostingOptions

        func run() async throws {
            try await reportingFailures {
                try postMovement(.consume(part: PartID(rawValue: field.part), van: LocationID(rawValue: field.van), quantity: field.quantity,
                                          workOrder: WorkOrderNumber(rawValue: field.order), serial: field.serial),
                                 database: database, posting: posting)
            }
        }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a defective part taken out at a customer's site, carried back in a van.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var field: FieldMovementOptions
        @OptionGroup var posting: PostingOptions

        func run() async throws {
            try await reportingFailures {
                try postMovement(.returnDefective(part: PartID(rawValue: field.part), van: LocationID(rawValue: field.van), quantity: field.quantity,
                                                  workOrder: WorkOrderNumber(rawValue: field.order), serial: field.serial),
                                 database: database, posting: posting)
            }
        }
    }
}
