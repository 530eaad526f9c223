import FieldOpsModel

/// The time-window summary of a stretch of a route (Vidal et al., 2013): concatenating two summaries tells in O(1)
/// whether the joined stretch can be driven inside every window, its minimum duration and when it can start.
struct TimeSegment: Sendable, Equatable {
    /// Minimum time from the start of the first node's service to the end of the last, waiting included.
    var duration: Int
    /// Minutes the schedule would have to go back in time to meet every window: 0 when feasible.
    var timeWarp: Int
    /// Earliest and latest start of the first node's service that achieve `duration`.
    var earliest: Int
    var latest: Int
    /// First and last real locations (a break has none and takes the place it is taken at); -1 for none.
    var first: Int
    var last: Int

    static func node(location: Int, service: Int, earliest: Int, latest: Int) -> TimeSegment {
        TimeSegment(duration: service, timeWarp: 0, earliest: earliest, latest: latest, first: location, last: location)
    }

    /// `self` followed by `next`, driving `travel` minutes between them.
    @inline(__always)
    func then(_ next: TimeSegment, travel: Int) -> TimeSegment {
        let delta = duration - timeWarp + travel
        let wait = max(next.earliest - delta - latest, 0)
        let warp = max(earliest + delta - next.latest, 0)
        return TimeSegment(
            duration: duration + next.duration + travel + wait,
            timeWarp: timeWarp + next.timeWarp + warp,
            earliest: max(next.earliest - delta, earliest) - wait,
            latest: min(next.latest - delta, latest) + warp,
            first: first >= 0 ? first : next.first,
            last: next.last >= 0 ? next.last : last)
    }

    /// When the stretch ends at the earliest.
    var earliestEnd: Int { earliest + duration - timeWarp }
}
