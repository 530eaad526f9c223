/// A parsed JSON value that remembers the line it started on, so that problems in a file can be reported
/// where a person would look for them.
public struct JSONNode: Sendable {
    public enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number as written, so integers stay exact and `1.0` can be told from `1`.
        case number(String)
        case string(String)
        case array([JSONNode])
        /// Members in file order; duplicates are reported by the parser and the last one wins in lookups.
        case object([(key: String, value: JSONNode)])
        /// An array of rows of numbers the parser was asked to read as a table (`JSONParser.tables`).
        case table(NumberTable)
    }

    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }

    /// What kind of JSON value this is, for messages: "a string", "an object".
    public var kindDescription: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        case .table: "an array"
        }
    }
}
