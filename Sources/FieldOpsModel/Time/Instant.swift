import Foundation

/// A point in time, in whole seconds since 1970-01-01T00:00:00Z.
///
/// Integer seconds rather than `Date` so that instants compare and round-trip exactly through files,
/// and so that the solver works on integers.
public struct Instant: Hashable, Comparable, Sendable {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    public init(_ date: Date) {
        self.secondsSinceEpoch = Int64(date.timeIntervalSince1970.rounded(.down))
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    public func adding(minutes: Int) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + Int64(minutes) * 60)
    }

    public func adding(seconds: Int64) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// Whole minutes from `self` to `later`, rounded toward negative infinity.
    public func minutes(until later: Instant) -> Int {
        let seconds = later.secondsSinceEpoch - secondsSinceEpoch
        return Int(seconds >= 0 ? seconds / 60 : -((-seconds + 59) / 60))
    }
}
