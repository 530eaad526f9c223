import FieldOpsModel

/// One line of ruin-and-recreate search with threshold acceptance: its own random stream, current plan, best plan
/// and threshold calibration. The solver runs one walker, or one per thread, each on a region of one plan.
struct SearchWalker: Sendable {
    private var search: RuinAndRecreate
    var current: Solution
    var best: Solution
    var iterations = 0
    var movesEvaluated: Int { search.movesEvaluated }
    private var calibration: [Int] = []
    private var initialThreshold = 0.0

    init(model: SchedulingModel, seed: UInt64, start: Solution) {
        search = RuinAndRecreate(model: model, seed: seed)
        current = start
        best = start
    }

    /// One iteration, `fraction` of the way through the search (the threshold shrinks to zero at 1).
    ///
    /// Threshold acceptance: a worse plan is kept when it is within a threshold that shrinks to zero. The
    /// threshold is calibrated on the size of the changes the first iterations make (the total cost can be
    /// dominated by lateness that no move changes, so a share of it would be meaningless). 0.6 of the mean
    /// change: on 16 hard Solomon instances at 5 s, 0.05 / 0.2 / 0.6 / 1.2 / 2.5 gave mean distances
    /// 1.016 / 1.009 / 1.007 / 1.015 / 1.014 × PyVRP's (benchmarks/literature).
    mutating func step(model: SchedulingModel, fraction: Double) {
        let threshold = initialThreshold * max(0, 1 - fraction)
        let before = current.score
        let undo = search.step(&current)
        iterations += 1
        let after = current.score
        let change = before.soft - after.soft
        if calibration.count < 100, after.medium == before.medium {
            if change != 0 { calibration.append(abs(change)) }
            if calibration.count == 100 || (iterations == 200 && !calibration.isEmpty) {
                initialThreshold = 0.6 * Double(calibration.reduce(0, +)) / Double(calibration.count)
                calibration = Array(repeating: 0, count: 100)
            }
        }
        // Levels are compared in order: never more broken rules, never fewer orders assigned (by weight); only
        // the soft level may get worse, by less than the threshold.
        let accept = after.hard > before.hard || (after.hard == before.hard
            && (after.medium > before.medium || (after.medium == before.medium && Double(change) <= threshold)))
        if !accept {
            for route in undo { current.restore(route, model: model) }
        } else if current.score > best.score {
            best = current
        }
    }

    /// Searches `region` only, from `plan`.
    mutating func enter(_ region: SearchRegion, from plan: Solution) {
        search.region = region
        current = plan
        best = plan
    }
}
