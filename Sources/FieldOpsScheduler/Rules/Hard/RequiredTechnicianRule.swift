import FieldOpsModel

/// When the order names required technicians, only they may do it (`requiredTechnician`).
struct RequiredTechnicianRule: TechnicianRule {
    func breach(of order: WorkOrder, data: OrderData, by technician: Technician, index: Int) -> HardRule? {
        !order.requiredTechnicians.isEmpty && !order.requiredTechnicians.contains(technician.id) ? .requiredTechnician : nil
    }
}
