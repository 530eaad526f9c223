/// One day's working time: leave home at `start` at the earliest, be back home by `end`.
public struct Shift: Hashable, Sendable, Codable {
    public var start: Instant
    public var end: Instant
    public var breakTime: ShiftBreak?

    public init(start: Instant, end: Instant, breakTime: ShiftBreak? = nil) {
        self.start = start
        self.end = end
        self.breakTime = breakTime
    }

    public var window: TimeWindow { TimeWindow(start: start, end: end) }

    enum CodingKeys: String, CodingKey {
        case start, end
        case breakTime = "break"
    }
}

/// A break of `minutes` taken somewhere between `earliestStart` and `latestEnd`, so the planner can fit it
/// between visits.
public struct ShiftBreak: Hashable, Sendable, Codable {
    public var earliestStart: Instant
    public var latestEnd: Instant
    public var minutes: Int

    public init(earliestStart: Instant, latestEnd: Instant, minutes: Int) {
        self.earliestStart = earliestStart
        self.latestEnd = latestEnd
        self.minutes = minutes
    }
}
