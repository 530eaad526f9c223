import ArgumentParser
import Foundation

/// `--threads` for the commands that search (plan, optimize, serve).
struct ThreadsOption: ParsableArguments {
    @Option(help: "Searches run side by side, each on a region of one plan; a seed and a thread count make a run with --iterations repeatable. (default: the machine's cores)")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be 1 to 256") }
    }
}
