/// P1 urgent, P2 high, P3 medium, P4 low. Lower number, more urgent.
public enum Priority: Int, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    case p1 = 1, p2, p3, p4

    public init?(text: String) {
        switch text.uppercased() {
        case "P1": self = .p1
        case "P2": self = .p2
        case "P3": self = .p3
        case "P4": self = .p4
        default: return nil
        }
    }

    public var description: String { "P\(rawValue)" }

    public var label: String {
        switch self {
        case .p1: "urgent"
        case .p2: "high"
        case .p3: "medium"
        case .p4: "low"
        }
    }

    /// One level more urgent (VIP customers); P1 stays P1.
    public var bumped: Priority { Priority(rawValue: Swift.max(1, rawValue - 1)) ?? .p1 }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Priority: TextCodable {
    public init?(codingText: String) { self.init(text: codingText) }
    public var codingText: String { description }
    public static let codingTextExpectation = "a priority P1 to P4"

    // Written out because the standard library's conformance for Int raw values would otherwise be chosen.
    public init(from decoder: any Decoder) throws { try self.init(textFrom: decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeText(to: encoder) }
}
