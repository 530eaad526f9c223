import FieldOpsModel

/// The one way from a problem to a plan: the `plan` and `optimize` commands, the dispatcher's HTTP optimize and
/// the scheduler benchmark all call it. Re-optimizing a published plan starts from its decisions, charges
/// `planChange` for each one changed and, with a freeze, keeps what starts soon where it is.
public struct Planner: Sendable {
    public var options: SolverOptions
    /// The plan being re-optimized, if any.
    public var published: Plan?
    /// With `published`: nothing it starts before `now + minutes` moves.
    public var freeze: Freeze?

    public struct Freeze: Sendable {
        public var now: Instant
        public var minutes: Int

        public init(now: Instant, minutes: Int) {
            self.now = now
            self.minutes = minutes
        }
    }

    public init(options: SolverOptions, published: Plan? = nil, freeze: Freeze? = nil) {
        self.options = options
        self.published = published
        self.freeze = freeze
    }

    /// The plan and what it took to find it.
    public struct Outcome: Sendable {
        /// Records the problem as given: the freeze's locks were the run's, not the dispatcher's.
        public var plan: Plan
        /// Orders the freeze kept in place.
        public var frozen: Set<WorkOrderNumber>
        /// Seconds to compile the problem for the solver.
        public var modelSeconds: Double
        /// Seconds to the first plan, after the model.
        public var constructionSeconds: Double
        /// Seconds of construction and search.
        public var searchSeconds: Double
        public var iterations: Int
        public var movesEvaluated: Int
    }

    /// - Parameters:
    ///   - clock: seconds since some fixed point (a monotonic clock in production, a fake one in tests).
    ///   - progress: called about every `options.progressInterval` seconds and once at the end.
    public func plan(
        _ problem: Problem, clock: () -> Double = Solver.monotonicClock(), progress: (SolverProgress) -> Void = { _ in }
    ) -> Outcome {
        var locked = problem
        var frozen = Set<WorkOrderNumber>()
        if let published, let freeze {
            (locked, frozen) = FreezeWindow.apply(to: problem, published: published, now: freeze.now, minutes: freeze.minutes)
        }
        let previous = Dictionary(
            (published?.assignments ?? []).map { ($0.workOrder, $0.technicianId) }, uniquingKeysWith: { first, _ in first })
        let modelStart = clock()
        let model = SchedulingModel(problem: locked, previousAssignments: previous)
        let modelSeconds = clock() - modelStart
        let result = Solver(model: model, options: options, startingFrom: published).solve(clock: clock, progress: progress)
        var plan = result.plan(model: model, options: options)
        plan.problem = problem
        return Outcome(
            plan: plan, frozen: frozen, modelSeconds: modelSeconds, constructionSeconds: result.constructionSeconds,
            searchSeconds: result.elapsed, iterations: result.iterations, movesEvaluated: result.movesEvaluated)
    }
}
