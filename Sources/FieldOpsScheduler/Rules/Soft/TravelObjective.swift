import FieldOpsModel

/// Driving costs `weights.travelMinute` per minute.
enum TravelObjective {
    @inline(__always)
    static func cost(minutes: Int, _ weights: ScoreWeights) -> Int { minutes * weights.travelMinute }

    /// Why a place with more driving lost, for explanations.
    static func why(extraMinutes: Int) -> String { "\(extraMinutes) more minutes of driving" }
}

extension SchedulingModel {
    /// Extra driving minutes for `order` between the visits before `position` and those from `position` on
    /// (breaks have no place of their own).
    func detourMinutes(order: Int, in visits: ArraySlice<Visit>, at position: Int, home: Int) -> Int {
        let previous = visits[..<position].last { !$0.isBreak }.map { orders[$0.order].location } ?? home
        let next = visits[position...].first { !$0.isBreak }.map { orders[$0.order].location } ?? home
        let here = orders[order].location
        return travel.minutes(previous, here) + travel.minutes(here, next) - travel.minutes(previous, next)
    }
}
