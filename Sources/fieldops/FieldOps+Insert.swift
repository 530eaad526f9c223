import ArgumentParser
import FieldOpsModel
import FieldOpsReports
import FieldOpsScheduler
import Foundation

extension FieldOps {
    struct Insert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Insert one emergency order into a published plan without re-planning the rest.",
            discussion: "The order is a JSON object written as in a problem file's orders. Exit status 1 when it cannot be placed (PLAN2 then lists it as unassigned, with the reason).")

        @Argument(help: "The published plan (JSON).") var plan: String
        @Option(help: "The new work order (JSON).") var order: String
        @Option(help: "Where to write the new plan.") var out: String
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let published = try loadPlan(plan)
                guard let data = FileManager.default.contents(atPath: order) else {
                    throw CommandFailure("\(order): cannot read the file (does it exist?)")
                }
                let workOrder: WorkOrder
                do {
                    workOrder = try ProblemFileReader.loadWorkOrder(bytes: Array(data), policy: published.problem.policy.sla)
                } catch let error as ProblemFileError {
                    throw CommandFailure(file: order, error)
                }
                let result: (plan: Plan, outcome: EmergencyInsertion.Outcome)
                do {
                    result = try EmergencyInsertion.insert(workOrder, into: published)
                } catch let error as EmergencyInsertion.Failure {
                    throw CommandFailure("\(order): \(error.description)")
                }
                try writeFile(try ProblemFileWriter.data(result.plan), to: out)
                let zone = published.problem.horizon.timeZone
                switch result.outcome {
                case .placed(let assignment, let bumped):
                    print("\(workOrder.number) → \(assignment.technicianId) at \(LocalTime.text(assignment.start, zone)), after \(assignment.travelMinutesBefore) min driving")
                    if let bumped { print("\(bumped) was taken out of the plan to make room (it is now unassigned)") }
                    print("score \(published.score) → \(result.plan.score)")
                    print("wrote \(out)")
                case .notPlaced(let unassigned):
                    print("wrote \(out)")
                    throw CommandFailure("\(workOrder.number) could not be placed: \(unassigned.reason)")
                }
            }
        }
    }
}

/// Local wall-clock text for people: `2026-11-23 09:40`.
enum LocalTime {
    static func text(_ instant: Instant, _ zone: TimeZoneID) -> String {
        let local = zone.local(instant)
        return "\(local.date) \(TimeOfDay(minuteOfDay: local.minuteOfDay)!)"
    }
}
