import ArgumentParser
import FieldOpsLiterature
import FieldOpsScheduler
import Foundation

extension FieldOps {
    struct TRSP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trsp",
            abstract: "Solve a technician routing instance (Pillac et al., crew-25 files).",
            discussion: """
                Every request goes to a technician with the skills it needs, inside its window, from and back to the \
                technician's home within the shift. A technician short of a tool or spare part restocks at the depot \
                (at most once a day). Minimises total working time (travel + service + waiting, each day starting as \
                late as saves waiting), as in the set's bks.csv; also reports total distance.
                """)
        @OptionGroup var instanceOptions: BenchmarkRunOptions
        @Flag(help: "Print one JSON object: instance, duration, distance, technicians, routes (technician 1-based, visits: request numbers 1..n in Solomon order, 0 for the depot).") var json = false

        func run() async throws {
            try await reportingFailures {
                let instance = try instanceOptions.load(TRSPInstance.read(_:file:))
                let progress = ProgressLine(enabled: Terminal.isInteractive(fileDescriptor: STDERR_FILENO))
                let result = TRSPSolver.solve(instance, options: instanceOptions.solverOptions, clock: Solver.monotonicClock()) { report in
                    progress.show(String(format: "search  best duration %.2f  unserved %d  %.1fs  %d iterations", report.duration, report.unserved, report.elapsed, report.iterations))
                }
                progress.finish()
                let routes = result.routes.map { route -> [Int] in
                    var visits = route.requests.map { $0 + 1 }
                    if let depot = route.depotBefore { visits.insert(0, at: depot) }
                    return visits
                }
                if json {
                    struct Route: Encodable { var technician: Int; var visits: [Int] }
                    struct Output: Encodable {
                        var instance: String; var duration: Double; var distance: Double; var technicians: Int
                        var unserved: [Int]; var routes: [Route]
                    }
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    let output = Output(
                        instance: instance.name, duration: (result.duration * 1000).rounded() / 1000, distance: (result.distance * 1000).rounded() / 1000,
                        technicians: result.routes.count, unserved: result.unserved.map { $0 + 1 },
                        routes: zip(result.routes, routes).map { Route(technician: $0.technician + 1, visits: $1) })
                    print(String(decoding: try encoder.encode(output), as: UTF8.self))
                } else {
                    let depotVisits = result.routes.filter { $0.depotBefore != nil }.count
                    print(String(format: "%@: %d technicians, %d depot visits, duration %.2f, distance %.2f, %d iterations in %.1f s",
                                 instance.name, result.routes.count, depotVisits, result.duration, result.distance, result.iterations, result.elapsed))
                }
                if !result.unserved.isEmpty {
                    throw CommandFailure("\(instance.name): \(result.unserved.count) requests could not be served (first \(result.unserved[0] + 1))")
                }
            }
        }
    }
}
