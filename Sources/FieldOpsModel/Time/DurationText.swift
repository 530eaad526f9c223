/// Parses and prints durations the way people write them in policies: `15m`, `4h`, `3d`, `1h30m`.
public enum DurationText {
    /// Minutes in `text`, or nil when it is not of the form `<n>d<n>h<n>m` (any part may be left out).
    public static func minutes(_ text: String) -> Int? {
        var total = 0
        var number: Int?
        var sawUnit = false
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                number = (number ?? 0) * 10 + digit
                if number! > 10_000_000 { return nil }
                continue
            }
            guard let value = number else { return nil }
            switch character {
            case "d": total += value * 1440
            case "h": total += value * 60
            case "m": total += value
            default: return nil
            }
            number = nil
            sawUnit = true
        }
        guard number == nil, sawUnit else { return nil }
        return total
    }

    /// The shortest text for `minutes`: `4h`, `3d`, and 90 minutes prints as `1h30m`.
    public static func text(_ minutes: Int) -> String {
        if minutes == 0 { return "0m" }
        if minutes % 1440 == 0 { return "\(minutes / 1440)d" }
        return hoursAndMinutes(minutes)
    }

    /// Like `text` but never in days (`72h`), for clocks where a day means a working day.
    public static func hoursAndMinutes(_ minutes: Int) -> String {
        if minutes == 0 { return "0m" }
        var text = minutes < 0 ? "-" : ""
        let magnitude = abs(minutes)
        if magnitude >= 60 { text += "\(magnitude / 60)h" }
        if magnitude % 60 > 0 { text += "\(magnitude % 60)m" }
        return text
    }
}
