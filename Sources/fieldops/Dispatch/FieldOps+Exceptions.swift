import ArgumentParser
import FieldOpsModel
import FieldOpsReports
import FieldOpsStore

extension FieldOps {
    struct Exceptions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What the dispatcher and the stock controller must look at: reassignment conflicts, late facts, vans below zero.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "JSON instead of a table.") var json = false
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let list = try database.open().exceptions()
                if json {
                    print(String(decoding: try ProblemFileWriter.data(list), as: UTF8.self), terminator: "")
                    return
                }
                if list.isEmpty {
                    print("nothing to look at")
                    return
                }
                var table = TextTable(columns: [.init("Kind"), .init("Order"), .init("Technician"), .init("Message", maxWidth: 90)])
                for item in list {
                    table.append([item.kind, item.workOrder?.rawValue ?? "", item.technicianId?.rawValue ?? "", item.message])
                }
                for line in table.render(style: output.style) { print(line) }
            }
        }
    }
}
