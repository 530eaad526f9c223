/// An SLA target as written in a policy: `15m` and `4h` are minutes of the SLA clock, `3d` is days.
///
/// With a business calendar, minutes count working time only and days count working days (the deadline falls at
/// the same working-clock position N working days later); without one, a day is 24 hours.
public enum SLADuration: Hashable, Sendable, CustomStringConvertible {
    case minutes(Int)
    case days(Int)

    public init?(text: String) {
        // Bounded so that days × 1440 and every deadline computed from it stay far inside 64 bits.
        if text.hasSuffix("d"), let days = Int(text.dropLast()), (1...InputLimits.durationDays).contains(days) {
            self = .days(days)
        } else if !text.contains("d"), let minutes = DurationText.minutes(text), (1...InputLimits.durationMinutes).contains(minutes) {
            self = .minutes(minutes)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .minutes(let minutes): DurationText.hoursAndMinutes(minutes)
        case .days(let days): "\(days)d"
        }
    }

    /// Length on a round-the-clock clock.
    public var wallClockMinutes: Int {
        switch self {
        case .minutes(let minutes): minutes
        case .days(let days): days * 1440
        }
    }
}

extension SLADuration: TextCodable {
    public init?(codingText: String) { self.init(text: codingText) }
    public var codingText: String { description }
    public static let codingTextExpectation = "an SLA duration such as 15m, 4h or 3d, at most 10 years"
}
