import Foundation

/// A problem read from a file, with the warnings found on the way.
public struct LoadedProblem: Sendable {
    public var problem: Problem
    public var warnings: [ProblemIssue]
}

/// Reads problem files (JSON). Reports every issue it finds, each with its path and line, rather than the
/// first one only; a problem is returned only when there is no error.
public enum ProblemFileReader {
    public static func load(contentsOf path: String) throws(ProblemFileError) -> LoadedProblem {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ProblemFileError(issues: [ProblemIssue(path: "", message: "no such file")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProblemFileError(issues: [ProblemIssue(path: "", message: "cannot read the file (is it a folder, or unreadable?)")])
        }
        return try load(bytes: Array(data), sideFilesFrom: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// - Parameter directory: where the side files a problem names are read from (its file's folder); nil for a
    ///   problem that came over the network, which may not name files on the server.
    public static func load(bytes: [UInt8], sideFilesFrom directory: String? = nil) throws(ProblemFileError) -> LoadedProblem {
        var parser = JSONParser(bytes: bytes, tables: JSONParser.matrixTables)
        let root: JSONNode
        do {
            root = try parser.parseDocument()
        } catch {
            let message = bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
                ? "the file is empty; expected a JSON object"
                : "not valid JSON: \(error.message) (column \(error.column))"
            throw ProblemFileError(issues: [ProblemIssue(path: "", line: error.line, message: message)])
        }
        let document = DocumentReader()
        document.sideFileDirectory = directory
        for duplicate in parser.duplicateKeys {
            document.error("", JSONNode(.null, line: duplicate.line), "field \"\(duplicate.key)\" appears twice in the same object")
        }
        var fileIndex = FileIndex()
        let problem = readProblem(root, document, &fileIndex)
        if let problem {
            for issue in ProblemValidator.issues(in: problem) {
                let path = fileIndex.filePath(issue.path)
                if issue.severity == .error {
                    document.error(path, nil, issue.message)
                } else {
                    document.warning(path, nil, issue.message)
                }
            }
        }
        guard let problem, !document.hasErrors else {
            throw ProblemFileError(issues: document.issues)
        }
        return LoadedProblem(problem: problem, warnings: document.issues)
    }

    /// Where each technician, order and part of the decoded problem stood in the file: elements that could not be
    /// read are left out of the problem, so the checks made on it name positions that must be mapped back.
    struct FileIndex {
        var lists: [String: [Int]] = [:]

        func filePath(_ path: String) -> String {
            for (name, indices) in lists where path.hasPrefix(name + "[") {
                let rest = path.dropFirst(name.count + 1)
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]), index < indices.count else {
                    return path
                }
                return "\(name)[\(indices[index])]" + rest[rest.index(after: close)...]
            }
            return path
        }
    }

    // MARK: Document

    static func readProblem(_ node: JSONNode, _ doc: DocumentReader, _ index: inout FileIndex) -> Problem? {
        guard let root = doc.object(node, "") else { return nil }
        let version = root.optional("formatVersion", default: Problem.currentFormatVersion, doc.int)
        if let version, version != Problem.currentFormatVersion {
            doc.error("formatVersion", root.member("formatVersion"),
                      "format version \(version) is not supported; this FieldOps reads version \(Problem.currentFormatVersion)")
        }
        let name = root.optional("name", default: "", doc.string)
        let horizon = root.required("horizon") { readHorizon($0, $1, doc) }
        let skills = root.required("skills") { doc.list($0, $1) { node, path in doc.nonEmptyString(node, path).map(SkillName.init(rawValue:)) } }
        let policy = root.optional("policy", default: Policy()) { readPolicy($0, $1, doc) }
        let travel = root.optional("travel", default: TravelModel.cityDefault) { readTravel($0, $1, doc) }
        let parts = root.optional("parts", default: []) { doc.indexedList($0, $1) { readPart($0, $1, doc) } }
        let technicians = root.required("technicians") { doc.indexedList($0, $1) { readTechnician($0, $1, doc) } }
        let orders = root.required("orders") { node, path in
            doc.indexedList(node, path) { readWorkOrder($0, $1, doc, policy: policy?.sla ?? SLAPolicy()) }
        }
        let warehouses = root.optional("warehouses", default: []) { node, path in
            doc.list(node, path) { node, path -> Warehouse? in
                guard let object = doc.object(node, path) else { return nil }
                let id = object.required("id", doc.nonEmptyString)
                let name = object.optional("name", default: id ?? "", doc.string)
                object.finish()
                guard let id, let name else { return nil }
                return Warehouse(id: LocationID(rawValue: id), name: name)
            }
        }
        let stock = root.optional("initialStock", default: []) { node, path in
            doc.list(node, path) { node, path -> StockLine? in
                guard let object = doc.object(node, path) else { return nil }
                let location = object.required("location", doc.nonEmptyString)
                let part = object.required("partId", doc.nonEmptyString)
                let quantity = object.required("quantity", doc.int)
                object.finish()
                guard let location, let part, let quantity else { return nil }
                return StockLine(location: LocationID(rawValue: location), partId: PartID(rawValue: part), quantity: quantity)
            }
        }
        root.finish()
        index.lists["parts"] = parts?.map(\.index)
        index.lists["technicians"] = technicians?.map(\.index)
        index.lists["orders"] = orders?.map(\.index)
        guard let version, let name, let horizon, let skills, let policy, let travel, let parts, let technicians,
              let orders, let warehouses, let stock
        else { return nil }
        return Problem(
            formatVersion: version, name: name, horizon: horizon, skills: skills, policy: policy, travel: travel,
            parts: parts.map(\.value), technicians: technicians.map(\.value), orders: orders.map(\.value),
            warehouses: warehouses, initialStock: stock)
    }

    static func readHorizon(_ node: JSONNode, _ path: String, _ doc: DocumentReader) -> Horizon? {
        guard let object = doc.object(node, path) else { return nil }
        let start = object.required("start", doc.localDate)
        let days = object.optional("days", default: 1, doc.int)
        let zone = object.optional("timeZone", default: TimeZoneID.utc, doc.timeZone)
        object.finish()
        guard let start, let days, let zone else { return nil }
        return Horizon(start: start, days: days, timeZone: zone)
    }

    static func readPart(_ node: JSONNode, _ path: String, _ doc: DocumentReader) -> Part? {
        guard let object = doc.object(node, path) else { return nil }
        let id = object.required("id", doc.nonEmptyString)
        let name = object.optional("name", default: "", doc.string)
        let unit = object.optional("unit", default: "pcs", doc.nonEmptyString)
        let serialized = object.optional("serialized", default: false, doc.bool)
        let cost = object.required("standardCost", doc.int)
        object.finish()
        guard let id, let name, let unit, let serialized, let cost else { return nil }
        return Part(id: PartID(rawValue: id), name: name, unit: unit, serialized: serialized, standardCost: cost)
    }
}
