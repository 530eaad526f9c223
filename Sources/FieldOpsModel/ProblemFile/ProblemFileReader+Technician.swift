extension ProblemFileReader {
    static func readTechnician(_ node: JSONNode, _ path: String, _ doc: DocumentReader) -> Technician? {
        guard let object = doc.object(node, path) else { return nil }
        let id = object.required("id", doc.nonEmptyString)
        let name = object.optional("name", default: id ?? "", doc.string)
        let skills = object.optional("skills", default: []) { node, path in
            doc.list(node, path) { node, path -> SkillLevel? in
                guard let skill = doc.object(node, path) else { return nil }
                let name = skill.required("skill", doc.nonEmptyString)
                let level = skill.required("level", doc.int)
                skill.finish()
                guard let name, let level else { return nil }
                return SkillLevel(skill: SkillName(rawValue: name), level: level)
            }
        }
        let home = object.required("homeBase", doc.geoPoint)
        let shifts = object.optional("shifts", default: []) { doc.list($0, $1) { readShift($0, $1, doc) } }
        let van = object.optional("van", default: "VAN-\(id ?? "")", doc.nonEmptyString)
        let limits = object.optional("limits", default: TechnicianLimits()) { node, path -> TechnicianLimits? in
            guard let limits = doc.object(node, path) else { return nil }
            let maxJobs = limits.optional("maxJobsPerDay", doc.int)
            let maxMinutes = limits.optional("maxWorkingMinutes", doc.int)
            let overtime = limits.optional("overtimeMinutes", default: 0, doc.int)
            let capacity = limits.optional("vanCapacity", doc.int)
            limits.finish()
            let invalid = (limits.has("maxJobsPerDay") && maxJobs == nil) || (limits.has("maxWorkingMinutes") && maxMinutes == nil)
                || (limits.has("vanCapacity") && capacity == nil)
            guard let overtime, !invalid else { return nil }
            return TechnicianLimits(maxJobsPerDay: maxJobs, maxWorkingMinutes: maxMinutes, overtimeMinutes: overtime, vanCapacity: capacity)
        }
        let territories = object.optional("territories", default: []) { doc.list($0, $1, doc.nonEmptyString) }
        object.finish()
        guard let id, let name, let skills, let home, let shifts, let van, let limits, let territories else { return nil }
        return Technician(
            id: TechnicianID(rawValue: id), name: name, skills: skills, homeBase: home, shifts: shifts,
            van: LocationID(rawValue: van), limits: limits, territories: territories)
    }

    static func readShift(_ node: JSONNode, _ path: String, _ doc: DocumentReader) -> Shift? {
        guard let object = doc.object(node, path) else { return nil }
        let start = object.required("start", doc.instant)
        let end = object.required("end", doc.instant)
        let breakTime = object.optional("break") { node, path -> ShiftBreak? in
            guard let object = doc.object(node, path) else { return nil }
            let earliest = object.required("earliestStart", doc.instant)
            let latest = object.required("latestEnd", doc.instant)
            let minutes = object.required("minutes", doc.int)
            object.finish()
            guard let earliest, let latest, let minutes else { return nil }
            return ShiftBreak(earliestStart: earliest, latestEnd: latest, minutes: minutes)
        }
        let breakInvalid = object.has("break") && breakTime == nil
        object.finish()
        guard let start, let end, !breakInvalid else { return nil }
        return Shift(start: start, end: end, breakTime: breakTime)
    }
}
