import ArgumentParser
import FieldOpsModel
import FieldOpsReports
import FieldOpsScheduler

extension FieldOps {
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say why a plan put an order where it did, or why it left it out.")

        @Argument(help: "The plan (JSON).") var plan: String
        @Argument(help: "The work order number.") var order: String
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let loaded = try loadPlan(plan)
                guard let lines = AssignmentReport(plan: loaded, number: WorkOrderNumber(rawValue: order)).render(style: output.style) else {
                    throw CommandFailure("\(plan): no work order \(order) in this plan")
                }
                for line in lines { print(line) }
            }
        }
    }
}
