import ArgumentParser
import FieldOpsInventory
import FieldOpsModel

extension FieldOps.Stock {
    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Release a work order's reservations (of one part, or all).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Work order number.") var order: String
        @Option(help: "Only this part.") var part: String?

        func run() async throws {
            try await reportingFailures {
                let released = try database.open().release(workOrder: WorkOrderNumber(rawValue: order), part: part.map(PartID.init(rawValue:)))
                if released.isEmpty { print("\(order) had nothing reserved") }
                for reservation in released { print("released \(reservation.quantity) \(reservation.partId) at \(reservation.location)") }
            }
        }
    }
}
