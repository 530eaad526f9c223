import FieldOpsModel

/// Plans a problem: a regret-insertion construction, then ruin-and-recreate with threshold acceptance until the
/// time or iteration limit. Deterministic for a seed: randomness, clock and deadline come in as arguments.
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
        var best = current
        var moves = construction.movesEvaluated + descent.movesEvaluated

        var search = RuinAndRecreate(model: model, seed: options.seed)
        let searchStart = descentStart
        var lastReport = searchStart
        var iterations = 0
        // Threshold acceptance: a worse plan is kept when it is within a threshold that shrinks to zero. The
        // threshold is calibrated on the size of the changes the first iterations make (the total cost can be
        // dominated by lateness that no move changes, so a share of it would be meaningless). 0.6 of the mean
        // change: on 16 hard Solomon instances at 5 s, 0.05 / 0.2 / 0.6 / 1.2 / 2.5 gave mean distances
        // 1.016 / 1.009 / 1.007 / 1.015 / 1.014 × PyVRP's (benchmarks/literature).
        var calibration: [Int] = []
        var initialThreshold = 0.0
        while true {
            if let limit = options.iterationLimit, iterations >= limit { break }
            let now = clock()
            if now - searchStart >= options.timeLimit { break }
            if model.orders.isEmpty { break }
            let fraction: Double
            if let limit = options.iterationLimit, limit > 0 {
                fraction = options.timeLimit.isFinite ? max(Double(iterations) / Double(limit), (now - searchStart) / options.timeLimit)
                    : Double(iterations) / Double(limit)
            } else {
                fraction = (now - searchStart) / options.timeLimit
            }
            let threshold = initialThreshold * max(0, 1 - fraction)
            let before = current.score
            let undo = search.step(&current)
            iterations += 1
            let after = current.score
            // Levels are compared in order: never more broken rules, never fewer orders assigned (by weight); only
            // the soft level may get worse, by less than the threshold.
            let change = before.soft - after.soft
            if calibration.count < 100, after.medium == before.medium {
                if change != 0 { calibration.append(abs(change)) }
                if calibration.count == 100 || (iterations == 200 && !calibration.isEmpty) {
                    initialThreshold = 0.6 * Double(calibration.reduce(0, +)) / Double(calibration.count)
                    calibration = Array(repeating: 0, count: 100)
                }
            }
            let accept = after.hard > before.hard || (after.hard == before.hard
                && (after.medium > before.medium || (after.medium == before.medium && Double(change) <= threshold)))
            if !accept {
                for route in undo { current.restore(route, model: model) }
            } else if current.score > best.score {
                best = current
            }
            if now - lastReport >= options.progressInterval {
                lastReport = now
                progress(SolverProgress(
                    bestScore: best.score, elapsed: now - started, iterations: iterations,
                    movesEvaluated: moves + search.movesEvaluated, phase: "search"))
            }
        }
        moves += search.movesEvaluated
        let elapsed = clock() - started
        progress(SolverProgress(bestScore: best.score, elapsed: elapsed, iterations: iterations, movesEvaluated: moves, phase: "done"))
        return Result(
            score: best.score, iterations: iterations, movesEvaluated: moves, constructionSeconds: constructionSeconds,
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
