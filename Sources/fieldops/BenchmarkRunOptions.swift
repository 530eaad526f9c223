import ArgumentParser

/// What `vrptw` and `trsp` share: the instance file and how long and with which seed to search.
struct BenchmarkRunOptions: ParsableArguments {
    @Argument(help: "The instance file.") var file: String
    @Option(help: "Seconds of search.") var timeLimit: Double = 10
    @Option(help: "Random seed.") var seed: UInt64 = 1
}
