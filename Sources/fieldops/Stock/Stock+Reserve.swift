import ArgumentParser
import FieldOpsInventory
import FieldOpsModel

extension FieldOps.Stock {
    struct Reserve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hold stock at a location for a work order.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Work order number.") var order: String
        @Option(help: "Part id.") var part: String
        @Option(help: "Warehouse or van.") var location: String
        @Option(help: "Quantity.") var quantity: Int

        func validate() throws {
            try checkOption(quantity, 1...InputLimits.quantity, "quantity")
        }

        func run() async throws {
            try await reportingFailures {
                do {
                    let reservation = try database.open().reserve(
                        workOrder: WorkOrderNumber(rawValue: order), part: PartID(rawValue: part), location: LocationID(rawValue: location), quantity: quantity)
                    print("\(reservation.workOrder) holds \(reservation.quantity) \(reservation.partId) at \(reservation.location)")
                } catch let error as InventoryError {
                    throw CommandFailure("refused (\(error.code)): \(error.message)")
                }
            }
        }
    }
}
