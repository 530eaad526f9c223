import FieldOpsModel

/// An order locked (or started) with one technician goes to no other (`lockedToOtherTechnician`).
struct LockedTechnicianRule: TechnicianRule {
    func breach(of order: WorkOrder, data: OrderData, by technician: Technician, index: Int) -> HardRule? {
        if let lock = data.lockTechnician, lock != index { return .lockedToOtherTechnician }
        return nil
    }

    /// The lock is the dispatcher's own decision: there is nothing for it to override.
    var lockOverrides: Bool { false }
}
