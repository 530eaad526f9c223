import Foundation

/// Reads values out of a parsed JSON document while collecting every issue it meets, instead of stopping at
/// the first one. Used for one document at a time, on one thread.
final class DocumentReader {
    private(set) var issues: [ProblemIssue] = []
    /// The line each visited path starts on, so that checks made later on the decoded values can name it.
    private(set) var lines: [String: Int] = [:]

    /// The folder side files (a travel matrix's tables) are read from: the problem file's; nil for a document
    /// that came over the network, which may not name files on the server.
    var sideFileDirectory: String?

    var hasErrors: Bool { issues.contains { $0.severity == .error } }

    func error(_ path: String, _ node: JSONNode?, _ message: String) {
        issues.append(ProblemIssue(.error, path: path, line: node?.line ?? line(of: path), message: message))
    }

    func warning(_ path: String, _ node: JSONNode?, _ message: String) {
        issues.append(ProblemIssue(.warning, path: path, line: node?.line ?? line(of: path), message: message))
    }

    func visit(_ node: JSONNode, at path: String) {
        lines[path] = node.line
    }

    /// The line of `path`, or of its nearest enclosing path that was visited.
    func line(of path: String) -> Int? {
        var candidate = Substring(path)
        while !candidate.isEmpty {
            if let line = lines[String(candidate)] { return line }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            candidate = candidate[..<cut]
        }
        return nil
    }

    private func wrongKind(_ node: JSONNode, _ path: String, expected: String) {
        error(path, node, "expected \(expected), found \(node.kindDescription)")
    }

    // MARK: Scalars

    func object(_ node: JSONNode, _ path: String) -> ObjectReader? {
        visit(node, at: path)
        guard case .object(let members) = node.value else {
            wrongKind(node, path, expected: "an object")
            return nil
        }
        return ObjectReader(node: node, members: members, path: path, document: self)
    }

    func array(_ node: JSONNode, _ path: String) -> [(node: JSONNode, path: String)]? {
        visit(node, at: path)
        guard case .array(let elements) = node.value else {
            wrongKind(node, path, expected: "an array")
            return nil
        }
        return elements.enumerated().map { index, element in
            let elementPath = JSONPath.element(path, index)
            visit(element, at: elementPath)
            return (element, elementPath)
        }
    }

    /// Reads every element with `read`, so that every element's issues are recorded; nil when any fails.
    func list<T>(_ node: JSONNode, _ path: String, _ read: (JSONNode, String) -> T?) -> [T]? {
        guard let elements = array(node, path) else { return nil }
        var values: [T] = []
        var failed = false
        for element in elements {
            if let value = read(element.node, element.path) { values.append(value) } else { failed = true }
        }
        return failed ? nil : values
    }

    /// Reads every element with `read`, keeping those that succeed with their index in the file, so that one
    /// broken order does not hide the issues of the others.
    func indexedList<T>(_ node: JSONNode, _ path: String, _ read: (JSONNode, String) -> T?) -> [(index: Int, value: T)]? {
        guard let elements = array(node, path) else { return nil }
        return elements.enumerated().compactMap { index, element in
            read(element.node, element.path).map { (index, $0) }
        }
    }

    func string(_ node: JSONNode, _ path: String) -> String? {
        visit(node, at: path)
        guard case .string(let text) = node.value else {
            wrongKind(node, path, expected: "a string")
            return nil
        }
        return text
    }

    func nonEmptyString(_ node: JSONNode, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            error(path, node, "must not be empty")
            return nil
        }
        return text
    }

    func int(_ node: JSONNode, _ path: String) -> Int? {
        visit(node, at: path)
        guard case .number(let lexeme) = node.value else {
            wrongKind(node, path, expected: "a whole number")
            return nil
        }
        if let value = Int(lexeme) { return value }
        if let value = Double(lexeme), value.isFinite, value == value.rounded(), abs(value) < 9e15 {
            return Int(value)
        }
        error(path, node, "expected a whole number, found \(lexeme)")
        return nil
    }

    func double(_ node: JSONNode, _ path: String) -> Double? {
        visit(node, at: path)
        guard case .number(let lexeme) = node.value else {
            wrongKind(node, path, expected: "a number")
            return nil
        }
        guard let value = Double(lexeme), value.isFinite else {
            error(path, node, "number out of range: \(lexeme)")
            return nil
        }
        return value
    }

    func bool(_ node: JSONNode, _ path: String) -> Bool? {
        visit(node, at: path)
        guard case .bool(let value) = node.value else {
            wrongKind(node, path, expected: "true or false")
            return nil
        }
        return value
    }

    func instant(_ node: JSONNode, _ path: String) -> Instant? {
        guard let text = string(node, path) else { return nil }
        guard let instant = Instant(rfc3339: text) else {
            error(path, node, "\"\(text)\" is not an RFC 3339 timestamp (e.g. 2026-11-23T08:00:00+01:00)")
            return nil
        }
        return instant
    }

    func localDate(_ node: JSONNode, _ path: String) -> LocalDate? {
        guard let text = string(node, path) else { return nil }
        guard let date = LocalDate(text) else {
            error(path, node, "\"\(text)\" is not a date of the form YYYY-MM-DD")
            return nil
        }
        return date
    }

    func timeOfDay(_ node: JSONNode, _ path: String) -> TimeOfDay? {
        guard let text = string(node, path) else { return nil }
        guard let time = TimeOfDay(text) else {
            error(path, node, "\"\(text)\" is not a time of the form HH:MM")
            return nil
        }
        return time
    }

    func timeZone(_ node: JSONNode, _ path: String) -> TimeZoneID? {
        guard let text = string(node, path) else { return nil }
        guard let zone = TimeZoneID(text) else {
            error(path, node, "\"\(text)\" is not a known IANA time zone (e.g. Europe/Berlin)")
            return nil
        }
        return zone
    }

    func priority(_ node: JSONNode, _ path: String) -> Priority? {
        guard let text = string(node, path) else { return nil }
        guard let priority = Priority(text: text) else {
            error(path, node, "\"\(text)\" is not a priority; use P1, P2, P3 or P4")
            return nil
        }
        return priority
    }

    func enumeration<T: RawRepresentable & CaseIterable>(_ node: JSONNode, _ path: String, as: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(node, path) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map { $0.rawValue }.joined(separator: ", ")
            error(path, node, "\"\(text)\" is not one of: \(allowed)")
            return nil
        }
        return value
    }

    func geoPoint(_ node: JSONNode, _ path: String) -> GeoPoint? {
        guard let object = object(node, path) else { return nil }
        let lat = object.required("lat", double)
        let lon = object.required("lon", double)
        object.finish()
        guard let lat, let lon else { return nil }
        return GeoPoint(lat: lat, lon: lon)
    }

    func window(_ node: JSONNode, _ path: String) -> TimeWindow? {
        guard let object = object(node, path) else { return nil }
        let start = object.required("start", instant)
        let end = object.required("end", instant)
        object.finish()
        guard let start, let end else { return nil }
        return TimeWindow(start: start, end: end)
    }
}

/// The members of one JSON object, read by name. Remembers which names were read so that `finish()` can warn
/// about the ones nobody asked for (usually a misspelt field).
final class ObjectReader {
    let node: JSONNode
    let path: String
    private let document: DocumentReader
    private var members: [String: JSONNode] = [:]
    private var order: [String] = []
    private var used = Set<String>()

    init(node: JSONNode, members: [(key: String, value: JSONNode)], path: String, document: DocumentReader) {
        self.node = node
        self.path = path
        self.document = document
        for (key, value) in members {
            if self.members.updateValue(value, forKey: key) == nil { order.append(key) }
        }
    }

    func has(_ key: String) -> Bool {
        if case .null = members[key]?.value { return false }
        return members[key] != nil
    }

    /// The member `key`, or nil when absent or null.
    func member(_ key: String) -> JSONNode? {
        used.insert(key)
        guard let node = members[key] else { return nil }
        if case .null = node.value { return nil }
        return node
    }

    func required<T>(_ key: String, _ read: (JSONNode, String) -> T?) -> T? {
        guard let node = member(key) else {
            document.error(JSONPath.member(path, key), self.node, "missing required field")
            return nil
        }
        return read(node, JSONPath.member(path, key))
    }

    func optional<T>(_ key: String, _ read: (JSONNode, String) -> T?) -> T? {
        guard let node = member(key) else { return nil }
        return read(node, JSONPath.member(path, key))
    }

    /// Like `optional`, but tells apart "absent" (`.some(nil)` never happens): returns `default` when absent,
    /// nil when present and invalid.
    func optional<T>(_ key: String, default value: T, _ read: (JSONNode, String) -> T?) -> T? {
        guard let node = member(key) else { return value }
        return read(node, JSONPath.member(path, key))
    }

    func finish() {
        for key in order where !used.contains(key) {
            document.warning(JSONPath.member(path, key), members[key], "unknown field (ignored)")
        }
    }
}
