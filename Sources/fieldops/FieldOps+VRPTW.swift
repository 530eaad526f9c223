import ArgumentParser
import FieldOpsLiterature
import FieldOpsScheduler
import Foundation

extension FieldOps {
    struct VRPTW: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vrptw",
            abstract: "Solve a VRPTW benchmark instance (Solomon .txt or VRPLIB .vrp) with the FieldOps engine.",
            discussion: "Uses the file's fleet size and capacity, Euclidean distances in double precision, travel time = distance, service starting inside [ready, due]; minimises total distance.")
        @OptionGroup var instanceOptions: BenchmarkRunOptions
        @Flag(help: "Print one JSON object: instance, vehicles, distance, routes.") var json = false

        func run() async throws {
            try await reportingFailures {
                let instance = try instanceOptions.load { (text, file) throws(InstanceFileError) in
                    file.lowercased().hasSuffix(".vrp") ? try VRPLIBReader.read(text, file: file) : try SolomonReader.read(text, file: file)
                }
                let progress = ProgressLine(enabled: Terminal.isInteractive(fileDescriptor: STDERR_FILENO))
                let result = VRPTWSolver.solve(instance, options: instanceOptions.solverOptions, clock: Solver.monotonicClock()) { progress.show($0) }
                progress.finish()
                let distance = (result.check.distance * 100).rounded() / 100
                if json {
                    struct Output: Encodable { var instance: String; var vehicles: Int; var distance: Double; var routes: [[Int]] }
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    print(String(decoding: try encoder.encode(Output(instance: instance.name, vehicles: result.solution.routes.count, distance: distance, routes: result.solution.routes)), as: UTF8.self))
                } else {
                    print("\(instance.name): \(result.solution.routes.count) vehicles, distance \(distance), \(result.iterations) iterations in \(String(format: "%.1f", result.elapsed)) s")
                    for violation in result.check.violations.prefix(10) { print("  infeasible: \(violation)") }
                }
                if !result.check.isFeasible { throw CommandFailure("\(instance.name): the solution breaks \(result.check.violations.count) rules") }
            }
        }
    }
}
