import Dispatch
import FieldOpsModel
import Foundation

/// The ruin-and-recreate phase of a solve: one walker, or one per thread, each on a region of one plan, that meet
/// every `SolverOptions.exchangeInterval` iterations. Walkers meet after a fixed number of iterations, not seconds,
/// so that a run with an iteration limit is the same for a seed and a thread count however the threads are
/// scheduled.
///
/// Measured against walkers that each search the whole plan and go on from the best one found (a 1,000-order
/// field day, 10 s, seeds 2–4, 2026-12-08): the regions left 666,000 of priority weight unplanned on average, the
/// whole-plan walkers 733,000 and one thread 715,000. A region's walker only tries its own routes for each order,
/// so it makes three times the iterations of one on the whole plan, and all of them improve the same plan.
struct SearchRun: Sendable {
    let model: SchedulingModel
    let options: SolverOptions
    /// Clock readings at the start of the solve and of the search.
    let started: Double
    let searchStart: Double
    /// Moves the construction and the descent evaluated, for progress reports.
    let movesBefore: Int

    struct Outcome {
        var best: Solution
        /// All walkers' iterations and moves together.
        var iterations: Int
        var movesEvaluated: Int

        init(best: Solution, walkers: [SearchWalker]) {
            self.best = best
            iterations = walkers.reduce(0) { $0 + $1.iterations }
            movesEvaluated = walkers.reduce(0) { $0 + $1.movesEvaluated }
        }
    }

    /// How far through the search a walker is (0 to 1) after `iterations` of its own and `elapsed` seconds. An
    /// iteration limit, when there is one, decides alone: with the clock in it a repeatable run would not be.
    func fraction(iterations: Int, elapsed: Double) -> Double {
        if let limit = options.iterationLimit, limit > 0 { return Double(iterations) / Double(limit) }
        return elapsed / options.timeLimit
    }

    /// One walker on the whole plan, to the end: one epoch that never meets anyone.
    func single(from start: Solution, clock: () -> Double, progress: (SolverProgress) -> Void) -> Outcome {
        var walkers = [SearchWalker(model: model, seed: options.seed, start: start)]
        var epoch = Epoch(run: self)
        if epoch.next(walkers) { epoch.run(&walkers, until: .max, best: start.score, clock: clock, progress: progress) }
        return Outcome(best: walkers[0].best, walkers: walkers)
    }

    /// Walkers that each search a region of the plan (`SearchRegion`), so that every thread works on one plan:
    /// at each meeting the regions' plans are put together and split again along other lines.
    func decomposed(from start: Solution, clock: () -> Double, progress: (SolverProgress) -> Void) -> Outcome {
        // A region has one route at least: more threads than routes would only idle.
        guard model.slots.count > 1 else { return single(from: start, clock: clock, progress: progress) }
        var walkers = (0..<min(options.threads, model.slots.count)).map { SearchWalker(model: model, seed: Self.seed(options.seed, walker: $0), start: start) }
        var current = start
        var best = start
        var epoch = Epoch(run: self)
        while epoch.next(walkers) {
            let regions = SearchRegion.split(current, model: model, count: walkers.count, round: epoch.number)
            for index in walkers.indices { walkers[index].enter(regions[index], from: current) }
            epoch.run(
                &walkers, until: epoch.number * max(1, options.exchangeInterval), best: best.score, clock: clock,
                progress: progress)
            var bestOfRegions = current
            for (index, walker) in walkers.enumerated() {
                for slot in model.slots.indices where regions[index].ownsSlot[slot] {
                    current.restore(walker.current.routes[slot], model: model)
                    bestOfRegions.restore(walker.best.routes[slot], model: model)
                }
            }
            if bestOfRegions.score > best.score { best = bestOfRegions }
        }
        return Outcome(best: best, walkers: walkers)
    }

    /// The walkers' time between two meetings: the other walkers on threads of their own, the leader on the calling
    /// thread, where it alone reads the clock (which need not be thread-safe) and reports progress.
    private struct Epoch {
        let run: SearchRun
        let shared = SharedSearchState()
        private(set) var number = 0
        private var lastReport: Double

        init(run: SearchRun) {
            self.run = run
            lastReport = run.searchStart
        }

        /// Whether there is another epoch to run, counting it.
        mutating func next(_ walkers: [SearchWalker]) -> Bool {
            guard !run.model.orders.isEmpty, !shared.stopped else { return false }
            if let limit = run.options.iterationLimit, walkers.allSatisfy({ $0.iterations >= limit }) { return false }
            number += 1
            return true
        }

        /// Runs every walker until it has made `until` iterations in all, the iteration limit, or the time limit.
        mutating func run(
            _ walkers: inout [SearchWalker], until: Int, best: Score, clock: () -> Double,
            progress: (SolverProgress) -> Void
        ) {
            let (run, shared) = (self.run, self.shared)
            let others = walkers.dropFirst().map(WalkerBox.init)
            let group = DispatchGroup()
            for box in others {
                group.enter()
                // A thread of its own, not the shared dispatch pool: on Linux a new thread inherits its creator's
                // nice value, so the server's search (nice 10, SolveSlot) stays below the threads that serve devices.
                let thread = Thread {
                    while box.walker.iterations < until && !shared.stopped {
                        let iterations = box.walker.iterations
                        if let limit = run.options.iterationLimit, iterations >= limit { break }
                        box.walker.step(model: run.model, fraction: run.fraction(iterations: iterations, elapsed: shared.elapsed))
                    }
                    group.leave()
                }
                thread.start()
            }
            var leader = walkers[0]
            while leader.iterations < until {
                if let limit = run.options.iterationLimit, leader.iterations >= limit { break }
                let now = clock()
                let elapsed = now - run.searchStart
                if elapsed >= run.options.timeLimit {
                    shared.stop()
                    break
                }
                shared.elapsed = elapsed
                leader.step(model: run.model, fraction: run.fraction(iterations: leader.iterations, elapsed: elapsed))
                if now - lastReport >= run.options.progressInterval {
                    lastReport = now
                    progress(SolverProgress(
                        bestScore: max(best, leader.best.score), elapsed: now - run.started,
                        iterations: leader.iterations * walkers.count,
                        movesEvaluated: run.movesBefore + leader.movesEvaluated * walkers.count, phase: "search"))
                }
            }
            group.wait()
            walkers = [leader] + others.map(\.walker)
        }
    }

    /// Walker 0 searches with the run's own seed (one thread is the single-threaded search); the others get seeds
    /// of their own derived from it.
    static func seed(_ seed: UInt64, walker: Int) -> UInt64 {
        seed &+ UInt64(walker) &* 0x9E37_79B9_7F4A_7C15
    }
}

/// A walker that runs on another thread between exchanges (only that thread touches it meanwhile).
private final class WalkerBox: @unchecked Sendable {
    var walker: SearchWalker

    init(_ walker: SearchWalker) {
        self.walker = walker
    }
}

/// What the walkers of a parallel search share while they run: whether to stop, and the seconds walker 0 last
/// read from the clock.
private final class SharedSearchState: @unchecked Sendable {
    private let lock = NSLock()
    private var stopFlag = false
    private var seconds = 0.0

    var stopped: Bool { lock.withLock { stopFlag } }

    func stop() { lock.withLock { stopFlag = true } }

    var elapsed: Double {
        get { lock.withLock { seconds } }
        set { lock.withLock { seconds = newValue } }
    }
}
