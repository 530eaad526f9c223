import FieldOpsModel

/// Reads push and pull bodies straight from the JSON tree: faster than `Codable` for the free-form `args`, and
/// every error names the field (`mutations[3].id must be a whole number`).
public enum SyncBodyDecoder {
    public struct BodyError: Error, Hashable, Sendable {
        /// `malformed_json` or `invalid_body`.
        public var code: String
        public var message: String
    }

    public static func push(_ bytes: [UInt8]) throws(BodyError) -> PushRequest {
        let root = try object(try parse(bytes), "the body")
        var mutations: [Mutation] = []
        guard case .array(let items)? = root["mutations"]?.value else { throw invalid("mutations must be an array") }
        mutations.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let path = "mutations[\(index)]"
            let fields = try object(item, path)
            guard let args = fields["args"] else { throw invalid("missing field \(path).args") }
            mutations.append(Mutation(
                id: try integer(fields["id"], "\(path).id"), name: try string(fields["name"], "\(path).name"),
                clientTime: try optionalString(fields["clientTime"], "\(path).clientTime"), args: value(args)))
        }
        return PushRequest(deviceId: try string(root["deviceId"], "deviceId"), protocolVersion: Int(try integer(root["protocolVersion"], "protocolVersion")), mutations: mutations)
    }

    public static func pull(_ bytes: [UInt8]) throws(BodyError) -> PullRequest {
        let root = try object(try parse(bytes), "the body")
        let limit: Int?
        if let node = root["limit"], !isNull(node) { limit = Int(try integer(node, "limit")) } else { limit = nil }
        return PullRequest(
            deviceId: try string(root["deviceId"], "deviceId"), protocolVersion: Int(try integer(root["protocolVersion"], "protocolVersion")),
            cursor: try optionalString(root["cursor"], "cursor"), limit: limit)
    }

    static func parse(_ bytes: [UInt8]) throws(BodyError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        do {
            return try parser.parseDocument()
        } catch {
            throw BodyError(code: "malformed_json", message: "the body is not valid JSON: \(error.description)")
        }
    }

    static func invalid(_ message: String) -> BodyError { BodyError(code: "invalid_body", message: message) }

    static func isNull(_ node: JSONNode) -> Bool {
        if case .null = node.value { return true }
        return false
    }

    static func object(_ node: JSONNode, _ path: String) throws(BodyError) -> [String: JSONNode] {
        guard case .object(let members) = node.value else { throw invalid("\(path) must be an object") }
        var result: [String: JSONNode] = [:]
        for member in members { result[member.key] = member.value }
        return result
    }

    static func string(_ node: JSONNode?, _ path: String) throws(BodyError) -> String {
        guard let node else { throw invalid("missing field \(path)") }
        guard case .string(let text) = node.value else { throw invalid("\(path) must be a string") }
        return text
    }

    static func optionalString(_ node: JSONNode?, _ path: String) throws(BodyError) -> String? {
        guard let node, !isNull(node) else { return nil }
        return try string(node, path)
    }

    static func integer(_ node: JSONNode?, _ path: String) throws(BodyError) -> Int64 {
        guard let node else { throw invalid("missing field \(path)") }
        guard case .number(let lexeme) = node.value, let value = Int64(lexeme) else { throw invalid("\(path) must be a whole number") }
        return value
    }

    static func value(_ node: JSONNode) -> JSONValue {
        switch node.value {
        case .null: .null
        case .bool(let value): .bool(value)
        case .number(let lexeme): .number(Double(lexeme) ?? .nan)
        case .string(let text): .string(text)
        case .array(let items): .array(items.map(value))
        case .object(let members): .object(Dictionary(members.map { ($0.key, value($0.value)) }, uniquingKeysWith: { _, last in last }))
        // Only a parser asked for tables makes them; this one is not.
        case .table(let table): .array(table.values.map { .number(Double($0)) })
        }
    }
}
