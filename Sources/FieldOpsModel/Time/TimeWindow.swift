/// A closed interval of time `[start, end]`: an appointment window, a shift, a planned visit.
public struct TimeWindow: Hashable, Sendable, Codable {
    public var start: Instant
    public var end: Instant

    public init(start: Instant, end: Instant) {
        self.start = start
        self.end = end
    }

    public var minutes: Int { start.minutes(until: end) }

    public func contains(_ instant: Instant) -> Bool { start <= instant && instant <= end }

    public func overlaps(_ other: TimeWindow) -> Bool { start < other.end && other.start < end }
}
