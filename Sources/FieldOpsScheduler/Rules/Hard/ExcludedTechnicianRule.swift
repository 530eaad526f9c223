import FieldOpsModel

/// The order's customer or dispatcher has excluded this technician (`excludedTechnician`).
struct ExcludedTechnicianRule: TechnicianRule {
    func breach(of order: WorkOrder, data: OrderData, by technician: Technician, index: Int) -> HardRule? {
        order.excludedTechnicians.contains(technician.id) ? .excludedTechnician : nil
    }
}
