import FieldOpsModel
import FieldOpsScheduler

import Foundation

/// Solves Pillac et al.'s technician routing instances: every request served by a qualified technician, total
/// working time as small as possible. The field engine has no tools, no spare-part counts on a route and no depot
/// restocking yet, so this benchmark gets its own small search over `TRSPRouteEvaluator`: cheapest insertion to
/// start, then ruin (related requests, a route, or random ones) and recreate (greedy in a random order, with the
/// occasional skipped place) under simulated annealing. Deterministic for a seed and an iteration limit.
public enum TRSPSolver {
    public struct Route: Sendable, Hashable {
        /// 0-based technician.
        public var technician: Int
        /// 0-based requests in visiting order.
        public var requests: [Int]
        /// The index in `requests` before which the technician restocks at the depot; nil for no depot visit.
        public var depotBefore: Int?
        public var duration: Double
        public var distance: Double
    }

    public struct Result: Sendable {
        public var routes: [Route]
        /// Requests no technician could take.
        public var unserved: [Int]
        public var duration: Double
        public var distance: Double
        public var iterations: Int
        public var elapsed: Double
    }

    public struct Progress: Sendable {
        public var duration: Double
        public var unserved: Int
        public var elapsed: Double
        public var iterations: Int
    }

    public static func solve(
        _ instance: TRSPInstance, options: SolverOptions, clock: () -> Double, progress: (Progress) -> Void = { _ in }
    ) -> Result {
        let started = clock()
        var search = TRSPSearch(evaluator: TRSPRouteEvaluator(instance: instance), seed: options.seed)
        search.construct()
        var best = search.state
        var iterations = 0
        var lastReport = started
        // Four mean legs down to a thousandth of that (tried 0.03 to 8 legs and end ratios 100 and 1000 on C101,
        // R101, RC201 and R205 at 5 s: cooler starts stall several percent above the best known).
        let legs = search.state.evaluations.reduce(0) { $0 + ($1?.distance ?? 0) }
        let temperatureStart = max(1e-3, 4 * legs / Double(max(1, instance.requests.count)))
        let temperatureEnd = temperatureStart / 1000
        while true {
            if let limit = options.iterationLimit, iterations >= limit { break }
            let now = clock()
            if now - started >= options.timeLimit { break }
            var fraction = (now - started) / options.timeLimit
            if let limit = options.iterationLimit, limit > 0 {
                fraction = options.timeLimit.isFinite ? max(fraction, Double(iterations) / Double(limit)) : Double(iterations) / Double(limit)
            }
            let temperature = temperatureStart * pow(temperatureEnd / temperatureStart, min(1, fraction))
            let before = search.state
            search.step()
            iterations += 1
            let candidate = search.state
            let worse = candidate.penalized - before.penalized
            // Annealing on the working time; never accept fewer requests served.
            if candidate.unserved.count > before.unserved.count
                || (worse > 0 && search.random.unit() >= exp(-worse / temperature)) {
                search.state = before
            } else if candidate.penalized < best.penalized - 1e-9 {
                best = candidate
            }
            if now - lastReport >= options.progressInterval {
                lastReport = now
                progress(Progress(duration: best.duration, unserved: best.unserved.count, elapsed: now - started, iterations: iterations))
            }
        }
        let elapsed = clock() - started
        progress(Progress(duration: best.duration, unserved: best.unserved.count, elapsed: elapsed, iterations: iterations))
        let routes = best.routes.indices.compactMap { technician -> Route? in
            let requests = best.routes[technician]
            guard !requests.isEmpty, let evaluation = best.evaluations[technician] else { return nil }
            return Route(technician: technician, requests: requests, depotBefore: evaluation.depotBefore,
                         duration: evaluation.duration, distance: evaluation.distance)
        }
        return Result(routes: routes, unserved: best.unserved.sorted(), duration: best.duration,
                      distance: routes.reduce(0) { $0 + $1.distance }, iterations: iterations, elapsed: elapsed)
    }
}

/// The state of the search: one request sequence per technician, each with its evaluation.
struct TRSPSearch {
    struct State {
        var routes: [[Int]]
        var evaluations: [TRSPRouteEvaluator.Evaluation?]
        var unserved: Set<Int>
        var duration: Double
        /// The working time plus a penalty per unserved request larger than any route could save.
        var penalized: Double { duration + Double(unserved.count) * 100_000 }
    }

    let evaluator: TRSPRouteEvaluator
    var random: SeededGenerator
    var state: State
    /// Per request, the other requests by distance.
    let neighbors: [[Int]]

    init(evaluator: TRSPRouteEvaluator, seed: UInt64) {
        self.evaluator = evaluator
        random = SeededGenerator(seed: Solver.scrambled(seed))
        let crew = evaluator.crew
        let count = evaluator.instance.requests.count
        state = State(routes: Array(repeating: [], count: crew), evaluations: Array(repeating: .init(duration: 0, distance: 0, depotBefore: nil), count: crew),
                      unserved: Set(0..<count), duration: 0)
        neighbors = (0..<count).map { request in
            (0..<count).filter { $0 != request }.sorted {
                evaluator.distance(evaluator.node(request: request), evaluator.node(request: $0))
                    < evaluator.distance(evaluator.node(request: request), evaluator.node(request: $1))
            }
        }
    }

    mutating func construct() {
        // Tightest windows first: they have the fewest places.
        let order = state.unserved.sorted {
            let (a, b) = (evaluator.instance.requests[$0], evaluator.instance.requests[$1])
            return (a.windowEnd - a.windowStart, $0) < (b.windowEnd - b.windowStart, $1)
        }
        for request in order { insertCheapest(request, blink: 0) }
    }

    /// One ruin-and-recreate step on `state`.
    mutating func step() {
        let served = state.routes.indices.filter { !state.routes[$0].isEmpty }
        guard !served.isEmpty else {
            recreate(state.unserved.sorted())
            return
        }
        let total = evaluator.instance.requests.count
        let size = 3 + random.next(below: max(1, min(30, total / 4)))
        var removed: [Int] = []
        // Sorted: a Set's order differs between instances, and runs must repeat exactly for a seed.
        let waiting = state.unserved.sorted()
        if !waiting.isEmpty, random.next(below: 2) == 0 {
            // Make room for a request nobody has taken yet: empty the day of a technician qualified for it (on
            // tight windows only a few can reach it in time) and take out its neighbours.
            let seed = waiting[random.next(below: waiting.count)]
            let able = state.routes.indices.filter { evaluator.qualified[$0][seed] }
            if !able.isEmpty { removed = state.routes[able[random.next(below: able.count)]] }
            removed += neighbors[seed].filter { !state.unserved.contains($0) && !removed.contains($0) }.prefix(size / 2)
            remove(removed)
            recreate(removed, first: waiting)
            return
        }
        switch random.next(below: 10) {
        case 0..<6:
            // Related: a seed request and its nearest neighbours that are served.
            let seedRoute = served[random.next(below: served.count)]
            let seed = state.routes[seedRoute][random.next(below: state.routes[seedRoute].count)]
            removed = [seed] + neighbors[seed].filter { !state.unserved.contains($0) }.prefix(size - 1)
        case 6..<8:
            // Strings: a run of consecutive visits from the seed's route and from routes near it.
            let seedRoute = served[random.next(below: served.count)]
            let seed = state.routes[seedRoute][random.next(below: state.routes[seedRoute].count)]
            var routesTaken = Set<Int>()
            for request in [seed] + neighbors[seed] where removed.count < size {
                guard let route = state.routes.firstIndex(where: { $0.contains(request) }), routesTaken.insert(route).inserted else { continue }
                let visits = state.routes[route]
                let length = 1 + random.next(below: min(visits.count, max(1, size / 3 + 1)))
                let position = visits.firstIndex(of: request)!
                let first = max(0, min(position - random.next(below: length), visits.count - length))
                removed += visits[first..<(first + length)]
                if routesTaken.count >= 4 { break }
            }
        case 8:
            // A whole route, to let the search use fewer technicians.
            let route = served[random.next(below: served.count)]
            removed = state.routes[route]
        default:
            let all = served.flatMap { state.routes[$0] }
            var picked = Set<Int>()
            while picked.count < min(size, all.count) { picked.insert(all[random.next(below: all.count)]) }
            removed = picked.sorted()
        }
        remove(removed)
        recreate(removed, first: waiting)
    }

    private mutating func remove(_ requests: [Int]) {
        let set = Set(requests)
        for technician in state.routes.indices where state.routes[technician].contains(where: set.contains) {
            let kept = state.routes[technician].filter { !set.contains($0) }
            setRoute(technician, kept, evaluator.evaluate(technician: technician, requests: kept))
        }
        state.unserved.formUnion(set)
    }

    private mutating func setRoute(_ technician: Int, _ requests: [Int], _ evaluation: TRSPRouteEvaluator.Evaluation?) {
        state.duration -= state.evaluations[technician]?.duration ?? 0
        state.routes[technician] = requests
        state.evaluations[technician] = evaluation
        state.duration += evaluation?.duration ?? 0
    }

    /// Reinserts `requests`, after `first` (the requests left out before the ruin: the hardest to place).
    private mutating func recreate(_ requests: [Int], first: [Int] = []) {
        var pending = requests
        // Random order most of the time; sometimes the tightest windows or the farthest from the depot first.
        switch random.next(below: 4) {
        case 0:
            pending.sort { evaluator.instance.requests[$0].windowEnd - evaluator.instance.requests[$0].windowStart
                < evaluator.instance.requests[$1].windowEnd - evaluator.instance.requests[$1].windowStart }
        case 1:
            pending.sort { evaluator.distance(0, evaluator.node(request: $0)) > evaluator.distance(0, evaluator.node(request: $1)) }
        default:
            for index in pending.indices.reversed() where index > 0 { pending.swapAt(index, random.next(below: index + 1)) }
        }
        for request in first + pending { insertCheapest(request, blink: 0.01) }
    }

    /// Puts `request` where it adds the least working time; each place is skipped with probability `blink`.
    private mutating func insertCheapest(_ request: Int, blink: Double) {
        var best: (technician: Int, position: Int, delta: Double, evaluation: TRSPRouteEvaluator.Evaluation)?
        for technician in state.routes.indices where evaluator.qualified[technician][request] {
            let route = state.routes[technician]
            let current = state.evaluations[technician]?.duration ?? 0
            var candidate = route
            candidate.insert(request, at: 0)
            for position in 0...route.count {
                if position > 0 { candidate.swapAt(position - 1, position) }
                if blink > 0, random.unit() < blink { continue }
                guard let evaluation = evaluator.evaluate(technician: technician, requests: candidate) else { continue }
                let delta = evaluation.duration - current
                if best == nil || delta < best!.delta { best = (technician, position, delta, evaluation) }
            }
        }
        guard let best else { return }
        var requests = state.routes[best.technician]
        requests.insert(request, at: best.position)
        setRoute(best.technician, requests, best.evaluation)
        state.unserved.remove(request)
    }
}
