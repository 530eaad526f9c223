/// One thing wrong with a problem file, with where it is: the JSON path, and the line when known.
public struct ProblemIssue: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        /// The problem cannot be planned until this is fixed.
        case error
        /// Probably a mistake, but the problem can be planned as it is.
        case warning
    }

    public var severity: Severity
    /// The file the issue is in, when it is not the one being loaded (CSV imports read several).
    public var file: String?
    /// Where in the document, `orders[17].windows[0].end`; empty for the document as a whole.
    public var path: String
    public var line: Int?
    public var message: String

    public init(_ severity: Severity = .error, file: String? = nil, path: String, line: Int? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.path = path
        self.line = line
        self.message = message
    }

    /// `line 42: orders[17].windows[0].end: before start`.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append("line \(line)") }
        if !path.isEmpty { parts.append(path) }
        parts.append(severity == .warning ? "warning: \(message)" : message)
        return parts.joined(separator: ": ")
    }

    /// As a compiler would print it: `problem.json:42: orders[17].windows[0].end: before start`.
    public func formatted(file: String) -> String {
        var text = self.file ?? file
        if let line { text += ":\(line)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        if !path.isEmpty { text += "\(path): " }
        return text + message
    }
}

/// A problem file that could not be loaded, with every issue found.
public struct ProblemFileError: Error, Sendable, CustomStringConvertible {
    public var issues: [ProblemIssue]

    public init(issues: [ProblemIssue]) {
        self.issues = issues
    }

    public var errors: [ProblemIssue] { issues.filter { $0.severity == .error } }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// JSON paths as people read them: `orders[17].windows[0].end`.
enum JSONPath {
    static func member(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    static func element(_ parent: String, _ index: Int) -> String {
        "\(parent)[\(index)]"
    }
}
