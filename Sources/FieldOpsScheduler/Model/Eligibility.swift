import FieldOpsModel

/// Why a technician, or one of their working days, cannot take an order at all, whatever the rest of the plan.
enum Eligibility {
    /// The first hard rule that rules `technician` out for `order`, or nil.
    static func ruleOut(order: WorkOrder, data: OrderData, technician: Technician, technicianIndex: Int) -> HardRule? {
        for requirement in order.requiredSkills {
            let level = technician.level(in: requirement.skill)
            if level == 0 { return .skill }
            if level < requirement.minLevel { return .skillLevel }
        }
        if order.excludedTechnicians.contains(technician.id) { return .excludedTechnician }
        if !order.requiredTechnicians.isEmpty && !order.requiredTechnicians.contains(technician.id) { return .requiredTechnician }
        if let lock = data.lockTechnician, lock != technicianIndex { return .lockedToOtherTechnician }
        return nil
    }

    /// Every per-technician rule `technician` breaks for `order` (skill, level, excluded, required elsewhere): what
    /// a dispatcher's lock to that technician overrides. The plan keeps the lock and counts each on the hard level.
    static func lockBreaks(order: WorkOrder, technician: Technician) -> [HardRule] {
        var broken: [HardRule] = []
        for requirement in order.requiredSkills {
            let level = technician.level(in: requirement.skill)
            let rule: HardRule? = level == 0 ? .skill : (level < requirement.minLevel ? .skillLevel : nil)
            if let rule, !broken.contains(rule) { broken.append(rule) }
        }
        if order.excludedTechnicians.contains(technician.id) { broken.append(.excludedTechnician) }
        if !order.requiredTechnicians.isEmpty && !order.requiredTechnicians.contains(technician.id) { broken.append(.requiredTechnician) }
        return broken
    }

    /// The first hard rule that rules out the working day `slot` for the order on its own (an empty route).
    static func slotRuleOut(data: OrderData, slot: RouteSlot, travel: TravelTable) -> HardRule? {
        let out = travel.minutes(slot.home, data.location)
        let back = travel.minutes(data.location, slot.home)
        let latestEnd = slot.end + slot.overtime
        let earliestStart = slot.start + out
        let latestStart = latestEnd - data.duration - back
        if !data.windows.contains(where: { $0.end >= slot.start && $0.start <= latestEnd }) {
            return data.lockStart != nil ? .lockStart : .noShift
        }
        if latestStart < earliestStart { return .shift }
        if !data.windows.contains(where: { max($0.start, earliestStart) <= min($0.end, latestStart) }) {
            return data.lockStart != nil ? .lockStart : .window
        }
        if let limit = slot.maxWorkingMinutes, out + data.duration + back > limit { return .maxWorkingMinutes }
        return nil
    }
}
