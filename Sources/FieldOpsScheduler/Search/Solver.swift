import FieldOpsModel

/// Plans a problem: a regret-insertion construction, then ruin-and-recreate with threshold acceptance until the
/// time or iteration limit, on one thread or on several, each on a region of one plan. Deterministic for a seed and
/// a thread count: randomness, clock and deadline come in as arguments.
public struct Solver: Sendable {
    public let model: SchedulingModel
    public let options: SolverOptions
    /// Decisions of a published plan to start from (re-optimization), so that what need not change does not.
    let warmStart: [PlannedVisit]

    public init(model: SchedulingModel, options: SolverOptions, startingFrom published: Plan? = nil) {
        self.model = model
        self.options = options
        warmStart = published.map { model.plannedVisits(of: $0) } ?? []
    }

    public struct Result: Sendable {
        public var score: Score
        public var iterations: Int
        public var movesEvaluated: Int
        /// Seconds to build the first plan.
        public var constructionSeconds: Double
        public var elapsed: Double
        var solution: Solution
    }

    /// - Parameters:
    ///   - clock: seconds since some fixed point (a monotonic clock in production, a fake one in tests).
    ///   - progress: called about every `options.progressInterval` seconds and once at the end.
    public func solve(clock: () -> Double, progress: (SolverProgress) -> Void = { _ in }) -> Result {
        let started = clock()
        var construction = Construction(model: model)
        var current = construction.build(warmStart: warmStart)
        let constructionSeconds = clock() - started
        progress(SolverProgress(bestScore: current.score, elapsed: constructionSeconds, iterations: 0, movesEvaluated: construction.movesEvaluated, phase: "construction"))
        // Local search first: cheap single-order moves take the obvious gains before ruin and recreate. It gets at
        // most a twentieth of the search time, and none when only the first plan is asked for.
        var descent = RelocateDescent(model: model)
        let descentBudget = min(options.timeLimit, 3_600) / 20
        let descentStart = clock()
        if options.iterationLimit ?? 1 > 0 && options.timeLimit > 0 {
            descent.run(&current) { clock() - descentStart >= descentBudget }
        }
        let moves = construction.movesEvaluated + descent.movesEvaluated
        let search = SearchRun(
            model: model, options: options, started: started, searchStart: descentStart, movesBefore: moves)
        let outcome = options.threads > 1
            ? search.decomposed(from: current, clock: clock, progress: progress)
            : search.single(from: current, clock: clock, progress: progress)
        let (best, iterations) = (outcome.best, outcome.iterations)
        let totalMoves = moves + outcome.movesEvaluated
        let elapsed = clock() - started
        progress(SolverProgress(bestScore: best.score, elapsed: elapsed, iterations: iterations, movesEvaluated: totalMoves, phase: "done"))
        return Result(
            score: best.score, iterations: iterations, movesEvaluated: totalMoves, constructionSeconds: constructionSeconds,
            elapsed: elapsed, solution: best)
    }
}

extension Solver {
    /// Seconds since the call, from the monotonic clock: the clock to give `solve` outside tests.
    public static func monotonicClock() -> @Sendable () -> Double {
        let origin = ContinuousClock.now
        return {
            let elapsed = ContinuousClock.now - origin
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
    }
}
