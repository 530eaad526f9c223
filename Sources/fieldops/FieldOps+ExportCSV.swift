import ArgumentParser
import Foundation
import FieldOpsModel

extension FieldOps {
    struct ExportCSV: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-csv",
            abstract: "Write a problem's technicians, work orders and parts as CSV files for a spreadsheet.")

        @Argument(help: "The problem file (JSON).") var file: String
        @Option(help: "Folder to write technicians.csv, orders.csv and parts.csv into.") var outDir: String

        func run() async throws {
            try await reportingFailures {
                let problem = try loadProblem(file).problem
                let horizon = problem.horizon
                let files = [
                    ("technicians.csv", TechnicianCSV.table(problem.technicians, horizon: horizon)),
                    ("orders.csv", WorkOrderCSV.table(problem.orders, horizon: horizon)),
                    ("parts.csv", PartCSV.table(problem.parts)),
                ]
                for (name, table) in files {
                    let path = outDir.hasSuffix("/") ? outDir + name : outDir + "/" + name
                    try writeFile(Data(table.text.utf8), to: path)
                }
                StandardError.write(["wrote technicians.csv, orders.csv and parts.csv to \(outDir)"])
            }
        }
    }
}
