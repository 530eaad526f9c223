import ArgumentParser
import FieldOpsModel
import FieldOpsStore
import Foundation

extension FieldOps {
    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give one work order to a technician (refused for an order on site or done).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Work order number.") var order: String
        @Argument(help: "Technician id.") var technician: String

        func run() async throws {
            try await reportingFailures {
                try refusingStoreErrors {
                    let result = try database.open().assign(
                        WorkOrderNumber(rawValue: order), to: TechnicianID(rawValue: technician),
                        actor: ProcessInfo.processInfo.environment["USER"] ?? "dispatcher", at: Instant(Date()))
                    print("\(order) → \(technician)\(result.from.map { " (was \($0))" } ?? ""), assignment \(result.version)")
                }
            }
        }
    }
}
