import ArgumentParser
import FieldOpsModel
import FieldOpsReports
import FieldOpsStore
import Foundation

extension FieldOps {
    struct KPI: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kpi", abstract: "Service KPIs from the work-order history (definitions in the README).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Orders created on or after this day (YYYY-MM-DD, UTC).") var from: String?
        @Option(help: "Orders created before this day (YYYY-MM-DD, UTC).") var to: String?
        @Option(help: "One row per technician, priority or category.") var by: ServiceKPIs.Grouping?
        @Flag(help: "JSON instead of a table.") var json = false
        @OptionGroup var output: OutputOptions

        func validate() throws {
            for (name, value) in [("--from", from), ("--to", to)] where value != nil && LocalDate(value!) == nil {
                throw ValidationError("\(name) must be YYYY-MM-DD")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let db = try database.open()
                let start = from.flatMap { LocalDate($0) }.map { TimeZoneID.utc.instant(on: $0, at: TimeOfDay(minuteOfDay: 0)!) }
                let end = to.flatMap { LocalDate($0) }.map { TimeZoneID.utc.instant(on: $0, at: TimeOfDay(minuteOfDay: 0)!) }
                let rows = ServiceKPIs.compute(try db.histories(from: start, to: end), plan: try db.publishedPlan(), by: by)
                if json {
                    print(String(decoding: try ProblemFileWriter.data(rows), as: UTF8.self), terminator: "")
                    return
                }
                for line in KPIReport(rows: rows).render(style: output.style) { print(line) }
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a resolved order at the customer callback, with its CSAT.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Work order number.") var order: String
        @Option(help: "Customer satisfaction, 1 to 5.") var csat: Int?

        func run() async throws {
            try await reportingFailures {
                try refusingStoreErrors {
                    try database.open().close(WorkOrderNumber(rawValue: order), csat: csat, actor: ProcessInfo.processInfo.environment["USER"] ?? "dispatcher", at: Instant(Date()))
                    print("\(order) closed\(csat.map { " (CSAT \($0))" } ?? "")")
                }
            }
        }
    }

    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a resolved or closed order.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Work order number.") var order: String

        func run() async throws {
            try await reportingFailures {
                try refusingStoreErrors {
                    try database.open().reopen(WorkOrderNumber(rawValue: order), actor: ProcessInfo.processInfo.environment["USER"] ?? "dispatcher", at: Instant(Date()))
                    print("\(order) reopened")
                }
            }
        }
    }
}

extension ServiceKPIs.Grouping: ExpressibleByArgument {}
