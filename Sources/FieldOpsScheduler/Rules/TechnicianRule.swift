import FieldOpsModel

/// A rule about who may do an order at all, whatever the day or the route (skills, exclusions, locks): checked
/// once per order and technician when the model is built, and again for explanations, never during the search.
protocol TechnicianRule: Sendable {
    /// The first way `technician` (at `index` in the problem) breaks the rule for `order`, or nil.
    func breach(of order: WorkOrder, data: OrderData, by technician: Technician, index: Int) -> HardRule?
    /// Every way it breaks it (a lock kept against the rule counts each on the hard level).
    func breaches(of order: WorkOrder, data: OrderData, by technician: Technician, index: Int) -> [HardRule]
    /// Whether a dispatcher's lock to the technician overrides the rule (the plan keeps the lock, counts the
    /// breach and names it).
    var lockOverrides: Bool { get }
}

extension TechnicianRule {
    func breaches(of order: WorkOrder, data: OrderData, by technician: Technician, index: Int) -> [HardRule] {
        breach(of: order, data: data, by: technician, index: index).map { [$0] } ?? []
    }

    var lockOverrides: Bool { true }
}
