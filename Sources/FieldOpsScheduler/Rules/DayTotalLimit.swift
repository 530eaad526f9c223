import FieldOpsModel

/// A per-day total with a limit, such as jobs per day or the van's load: each order adds its amount to the day it
/// is in, and the day's total must stay within the slot's limit. The search checks it in O(1) before every
/// insertion from the route's running totals; driving a route checks it exactly.
struct DayTotalLimit: Sendable {
    let rule: HardRule
    /// Per order (model index): what it adds to the day.
    let amount: [Int]
    /// Per slot: the most the day may hold (`Int.max` for none).
    let limit: [Int]
}
