extension ProblemFileReader {
    static func readWorkOrder(_ node: JSONNode, _ path: String, _ doc: DocumentReader, policy: SLAPolicy) -> WorkOrder? {
        guard let object = doc.object(node, path) else { return nil }
        let number = object.required("number", doc.string)
        let customer = object.required("customer") { node, path -> Customer? in
            guard let customer = doc.object(node, path) else { return nil }
            let id = customer.required("id", doc.nonEmptyString)
            let name = customer.optional("name", default: id ?? "", doc.string)
            let vip = customer.optional("vip", default: false, doc.bool)
            customer.finish()
            guard let id, let name, let vip else { return nil }
            return Customer(id: CustomerID(rawValue: id), name: name, vip: vip)
        }
        let site = object.required("site") { node, path -> Site? in
            guard let site = doc.object(node, path) else { return nil }
            let location = site.required("location", doc.geoPoint)
            let address = site.optional("address", default: "", doc.string)
            let territory = site.optional("territory", doc.nonEmptyString)
            site.finish()
            guard let location, let address else { return nil }
            return Site(location: location, address: address, territory: territory)
        }
        let category = object.optional("category", default: "", doc.string)
        let skills = object.optional("requiredSkills", default: []) { node, path in
            doc.list(node, path) { node, path -> SkillRequirement? in
                guard let requirement = doc.object(node, path) else { return nil }
                let skill = requirement.required("skill", doc.nonEmptyString)
                let level = requirement.optional("minLevel", default: 1, doc.int)
                requirement.finish()
                guard let skill, let level else { return nil }
                return SkillRequirement(skill: SkillName(rawValue: skill), minLevel: level)
            }
        }
        let duration = object.required("durationMinutes", doc.int)
        let windows = object.optional("windows", default: []) { doc.list($0, $1, doc.window) }
        let priority = object.required("priority", doc.priority)
        let createdAt = object.required("createdAt", doc.instant)
        let givenSLA = object.optional("sla") { node, path -> SLADeadlines? in
            guard let sla = doc.object(node, path) else { return nil }
            let response = sla.required("firstResponse", doc.instant)
            let resolution = sla.required("resolution", doc.instant)
            sla.finish()
            guard let response, let resolution else { return nil }
            return SLADeadlines(firstResponse: response, resolution: resolution)
        }
        let slaInvalid = object.has("sla") && givenSLA == nil
        let status = object.optional("status", default: WorkOrderStatus.new) { doc.enumeration($0, $1, as: WorkOrderStatus.self) }
        let lock = object.optional("lock") { node, path -> WorkOrderLock? in
            guard let lock = doc.object(node, path) else { return nil }
            let technician = lock.optional("technicianId", doc.nonEmptyString)
            let start = lock.optional("start", doc.instant)
            lock.finish()
            let invalid = (lock.has("technicianId") && technician == nil) || (lock.has("start") && start == nil)
            guard !invalid else { return nil }
            return WorkOrderLock(technicianId: technician.map(TechnicianID.init(rawValue:)), start: start)
        }
        let lockInvalid = object.has("lock") && lock == nil
        let technicianList: (JSONNode, String) -> [TechnicianID]? = { node, path in
            doc.list(node, path) { doc.nonEmptyString($0, $1).map(TechnicianID.init(rawValue:)) }
        }
        let preferred = object.optional("preferredTechnicians", default: [], technicianList)
        let required = object.optional("requiredTechnicians", default: [], technicianList)
        let excluded = object.optional("excludedTechnicians", default: [], technicianList)
        let parts = object.optional("requiredParts", default: []) { node, path in
            doc.list(node, path) { node, path -> PartQuantity? in
                guard let part = doc.object(node, path) else { return nil }
                let id = part.required("partId", doc.nonEmptyString)
                let quantity = part.optional("quantity", default: 1, doc.int)
                part.finish()
                guard let id, let quantity else { return nil }
                return PartQuantity(partId: PartID(rawValue: id), quantity: quantity)
            }
        }
        let load = object.optional("load", default: 0, doc.int)
        object.finish()
        guard let number, let customer, let site, let category, let skills, let duration, let windows, let priority,
              let createdAt, !slaInvalid, let status, !lockInvalid, let preferred, let required, let excluded, let parts,
              let load
        else { return nil }
        let sla = givenSLA ?? policy.deadlines(priority: priority, vip: customer.vip, createdAt: createdAt)
        return WorkOrder(
            number: WorkOrderNumber(rawValue: number), customer: customer, site: site, category: category,
            requiredSkills: skills, durationMinutes: duration, windows: windows, priority: priority,
            createdAt: createdAt, sla: sla, status: status, lock: lock, preferredTechnicians: preferred,
            requiredTechnicians: required, excludedTechnicians: excluded, requiredParts: parts, load: load)
    }
}

extension ProblemFileReader {
    /// Reads one work order written as in a problem file's `orders` (for emergency insertion); SLA deadlines left
    /// out are computed with `policy`.
    public static func loadWorkOrder(bytes: [UInt8], policy: SLAPolicy) throws(ProblemFileError) -> WorkOrder {
        var parser = JSONParser(bytes: bytes)
        let root: JSONNode
        do {
            root = try parser.parseDocument()
        } catch {
            throw ProblemFileError(issues: [ProblemIssue(path: "", line: error.line, message: "not valid JSON: \(error.message) (column \(error.column))")])
        }
        let document = DocumentReader()
        let order = readWorkOrder(root, "", document, policy: policy)
        guard let order, !document.hasErrors else { throw ProblemFileError(issues: document.issues) }
        return order
    }
}
