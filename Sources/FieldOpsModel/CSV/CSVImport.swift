import Foundation

/// Builds a problem from the spreadsheets dispatchers keep: technicians, work orders and (optionally) parts as
/// CSV, with the horizon given on the command line and everything else (policy, travel model, extra skills and
/// parts) from an optional base problem. Issues name the CSV file, its line and the column.
public enum CSVImport {
    public struct Sources: Sendable {
        public var technicians: (file: String, text: String)
        public var orders: (file: String, text: String)
        public var parts: (file: String, text: String)?

        public init(technicians: (file: String, text: String), orders: (file: String, text: String), parts: (file: String, text: String)? = nil) {
            self.technicians = technicians
            self.orders = orders
            self.parts = parts
        }
    }

    public static func problem(from sources: Sources, horizon: Horizon, base: Problem? = nil, name: String? = nil) throws(ProblemFileError) -> LoadedProblem {
        var issues: [ProblemIssue] = []
        func table(_ source: (file: String, text: String)) -> CSVTable? {
            do {
                return try CSVTable(text: source.text)
            } catch {
                issues.append(ProblemIssue(.error, file: source.file, path: "", line: error.line, message: error.message))
                return nil
            }
        }
        let policy = base?.policy ?? Policy()
        var technicians: [(line: Int, technician: Technician)] = []
        var orders: [(line: Int, order: WorkOrder)] = []
        var parts: [(line: Int, part: Part)] = []
        if let technicianTable = table(sources.technicians) {
            let read = TechnicianCSV.read(technicianTable, file: sources.technicians.file, horizon: horizon)
            technicians = read.technicians
            issues += read.issues
        }
        if let orderTable = table(sources.orders) {
            let read = WorkOrderCSV.read(orderTable, file: sources.orders.file, horizon: horizon, policy: policy.sla)
            orders = read.orders
            issues += read.issues
        }
        if let partSource = sources.parts, let partTable = table(partSource) {
            let read = PartCSV.read(partTable, file: partSource.file)
            parts = read.parts
            issues += read.issues
        }
        // The skill catalog is whatever the base problem declares plus every skill the spreadsheets use.
        var skills = base?.skills ?? []
        var known = Set(skills)
        for skill in technicians.flatMap({ $0.technician.skills.map(\.skill) }) + orders.flatMap({ $0.order.requiredSkills.map(\.skill) })
        where known.insert(skill).inserted {
            skills.append(skill)
        }
        let csvParts = parts.map(\.part)
        let csvPartIds = Set(csvParts.map(\.id))
        let allParts = (base?.parts ?? []).filter { !csvPartIds.contains($0.id) } + csvParts
        let problem = Problem(
            name: name ?? base?.name ?? "Imported from \(sources.orders.file)", horizon: horizon, skills: skills,
            policy: policy, travel: base?.travel ?? .cityDefault, parts: allParts,
            technicians: technicians.map(\.technician), orders: orders.map(\.order),
            warehouses: base?.warehouses ?? [], initialStock: base?.initialStock ?? [])
        let baseParts = allParts.count - csvParts.count
        for issue in ProblemValidator.issues(in: problem) {
            issues.append(locate(issue, technicians: technicians.map(\.line), orders: orders.map(\.line),
                                 parts: Array(repeating: 0, count: baseParts) + parts.map(\.line), sources: sources))
        }
        guard !issues.contains(where: { $0.severity == .error }) else { throw ProblemFileError(issues: issues) }
        return LoadedProblem(problem: problem, warnings: issues)
    }

    /// Turns `orders[4].windows[0].end` into file `orders.csv`, the row's line, path `windows[0].end`.
    static func locate(_ issue: ProblemIssue, technicians: [Int], orders: [Int], parts: [Int], sources: Sources) -> ProblemIssue {
        let lists: [(String, [Int], String?)] = [
            ("technicians", technicians, sources.technicians.file), ("orders", orders, sources.orders.file),
            ("parts", parts, sources.parts?.file),
        ]
        var located = issue
        for (name, lines, file) in lists where issue.path.hasPrefix(name + "[") {
            let rest = issue.path.dropFirst(name.count + 1)
            guard let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]), index < lines.count, lines[index] > 0 else {
                break
            }
            located.file = file
            located.line = lines[index]
            located.path = String(rest[rest.index(after: close)...].drop { $0 == "." })
        }
        return located
    }
}
