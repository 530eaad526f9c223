import ArgumentParser
import FieldOpsLiterature
import FieldOpsScheduler

/// What `vrptw` and `trsp` share: the instance file and how long and with which seed to search.
struct BenchmarkRunOptions: ParsableArguments {
    @Argument(help: "The instance file.") var file: String
    @Option(help: "Seconds of search.") var timeLimit: Double = 10
    @Option(help: "Random seed.") var seed: UInt64 = 1
}

extension BenchmarkRunOptions {
    var solverOptions: SolverOptions { SolverOptions(timeLimit: timeLimit, seed: seed) }

    /// Reads the instance with `parse`; a malformed file becomes a command failure that names its line.
    func load<Instance>(_ parse: (_ text: String, _ file: String) throws(InstanceFileError) -> Instance) throws -> Instance {
        let text = try readTextFile(file)
        do {
            return try parse(text, file)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
