import ArgumentParser
import FieldOpsModel
import FieldOpsStore
import Foundation

extension FieldOps {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a problem into the database: technicians and vans, warehouses, parts, work orders, initial stock.",
            discussion: "Importing again updates technicians, parts and orders' data; orders keep their status and assignment, and initial stock is not received twice.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The problem file (JSON).") var problem: String

        func run() async throws {
            try await reportingFailures {
                let loaded = try loadProblem(problem)
                let summary = try database.open().importProblem(loaded.problem, at: Instant(Date()))
                print("\(database.db): \(summary.technicians) technicians, \(summary.ordersAdded) orders added, \(summary.ordersUpdated) updated, \(summary.parts) parts, \(summary.stockLines) stock lines")
            }
        }
    }
}
