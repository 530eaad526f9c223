/// A plan's score, compared level by level: any hard point outweighs every medium point, and any medium point
/// every soft point. Each level is zero or negative; higher is better.
public struct Score: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Minus the number of broken hard rules.
    public var hard: Int
    /// Minus the weighted count of unassigned orders.
    public var medium: Int
    /// Minus travel, SLA lateness, overtime, imbalance, preference, qualification, territory and change costs.
    public var soft: Int

    public init(hard: Int, medium: Int, soft: Int) {
        self.hard = hard
        self.medium = medium
        self.soft = soft
    }

    public static let zero = Score(hard: 0, medium: 0, soft: 0)

    public var isFeasible: Bool { hard == 0 }

    public static func < (lhs: Score, rhs: Score) -> Bool {
        (lhs.hard, lhs.medium, lhs.soft) < (rhs.hard, rhs.medium, rhs.soft)
    }

    /// `0hard/-30000medium/-123456soft`.
    public var description: String { "\(hard)hard/\(medium)medium/\(soft)soft" }
}
