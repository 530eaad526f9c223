import FieldOpsModel

/// How long and how the solver searches. For a fixed seed, thread count and iteration limit (and a time limit that
/// is not reached) the result is the same on every run.
public struct SolverOptions: Sendable {
    /// Seconds of search after the first plan is built.
    public var timeLimit: Double
    /// Ruin-and-recreate iterations at most (each thread's); nil for no limit.
    public var iterationLimit: Int?
    public var seed: UInt64
    /// Seconds between progress reports.
    public var progressInterval: Double
    /// Searches run side by side, each on a region of one plan (1: the single-threaded search). The library's
    /// default is 1, so that benchmarks against single-threaded peers stay fair; the commands default to the cores.
    public var threads: Int
    /// With several threads: iterations each makes before the regions are put together and split again. At 1,000,
    /// two threads on a 1,000-order field day meet about three times a second.
    public var exchangeInterval = 1_000

    public init(timeLimit: Double = 10, iterationLimit: Int? = nil, seed: UInt64 = 1, progressInterval: Double = 0.25, threads: Int = 1) {
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.seed = seed
        self.progressInterval = progressInterval
        self.threads = max(1, threads)
    }
}

/// What a running solve reports: the best score so far, time and work done.
public struct SolverProgress: Sendable {
    public var bestScore: Score
    public var elapsed: Double
    public var iterations: Int
    public var movesEvaluated: Int
    public var phase: String
}
