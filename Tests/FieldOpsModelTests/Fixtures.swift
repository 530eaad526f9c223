import FieldOpsModel

enum Fixtures {
    static let berlin = TimeZoneID("Europe/Berlin")!

    static func order(
        number: String = "202611000015", status: WorkOrderStatus = .new, priority: Priority = .p3, vip: Bool = false,
        createdAt: String = "2026-11-23T08:00:00Z", sla: SLADeadlines? = nil
    ) -> WorkOrder {
        let created = Instant(rfc3339: createdAt)!
        return WorkOrder(
            number: WorkOrderNumber(rawValue: number), customer: Customer(id: "C1", name: "Bäckerei Schulz", vip: vip),
            site: Site(location: GeoPoint(lat: 52.52, lon: 13.40), address: "Torstraße 1"), category: "Leak repair",
            requiredSkills: [SkillRequirement(skill: "plumbing", minLevel: 2)], durationMinutes: 45, windows: [],
            priority: priority, createdAt: created,
            sla: sla ?? SLAPolicy().deadlines(priority: priority, vip: vip, createdAt: created), status: status)
    }

    /// A small, valid problem file as text, for tests that break one thing in it.
    static let validProblemJSON = """
    {
      "formatVersion": 1,
      "name": "Small",
      "horizon": {"start": "2026-11-23", "days": 1, "timeZone": "Europe/Berlin"},
      "skills": ["hvac", "plumbing"],
      "parts": [{"id": "FLT-220", "name": "Air filter", "standardCost": 1250}],
      "technicians": [
        {"id": "T1", "name": "王伟", "skills": [{"skill": "hvac", "level": 3}],
         "homeBase": {"lat": 52.5, "lon": 13.4},
         "shifts": [{"start": "2026-11-23T08:00:00+01:00", "end": "2026-11-23T17:00:00+01:00"}]},
        {"id": "T2", "name": "Anna Müller", "skills": [{"skill": "plumbing", "level": 2}],
         "homeBase": {"lat": 52.51, "lon": 13.41},
         "shifts": [{"start": "2026-11-23T08:00:00+01:00", "end": "2026-11-23T17:00:00+01:00"}]}
      ],
      "orders": [
        {"number": "202611000015", "customer": {"id": "C1", "name": "Hotel Adlon", "vip": true},
         "site": {"location": {"lat": 52.516, "lon": 13.38}, "address": "Unter den Linden 77"},
         "category": "Heating repair", "requiredSkills": [{"skill": "hvac", "minLevel": 2}],
         "durationMinutes": 60, "priority": "P3", "createdAt": "2026-11-22T10:00:00Z",
         "windows": [{"start": "2026-11-23T09:00:00+01:00", "end": "2026-11-23T12:00:00+01:00"}],
         "requiredParts": [{"partId": "FLT-220", "quantity": 2}]},
        {"number": "202611000016", "customer": {"id": "C2"},
         "site": {"location": {"lat": 52.53, "lon": 13.42}},
         "requiredSkills": [{"skill": "plumbing"}],
         "durationMinutes": 30, "priority": "P1", "createdAt": "2026-11-23T05:30:00Z",
         "lock": {"technicianId": "T2"}}
      ]
    }
    """
}
