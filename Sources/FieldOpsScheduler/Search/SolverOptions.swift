import FieldOpsModel

/// How long and how the solver searches. For a fixed seed and iteration limit (and a time limit that is not
/// reached) the result is the same on every run.
public struct SolverOptions: Sendable {
    /// Seconds of search after the first plan is built.
    public var timeLimit: Double
    /// Ruin-and-recreate iterations at most; nil for no limit.
    public var iterationLimit: Int?
    public var seed: UInt64
    /// Seconds between progress reports.
    public var progressInterval: Double

    public init(timeLimit: Double = 10, iterationLimit: Int? = nil, seed: UInt64 = 1, progressInterval: Double = 0.25) {
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.seed = seed
        self.progressInterval = progressInterval
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
