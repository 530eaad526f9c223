/// The device contract, version 1 (`shared/sync-protocol.md`): request and response bodies as values.

public enum SyncProtocol {
    public static let version = 1
}

public struct Mutation: Hashable, Sendable, Codable {
    /// 1, 2, 3… per device.
    public var id: Int64
    public var name: String
    public var clientTime: String?
    public var args: JSONValue

    public init(id: Int64, name: String, clientTime: String? = nil, args: JSONValue) {
        self.id = id
        self.name = name
        self.clientTime = clientTime
        self.args = args
    }
}

public struct PushRequest: Hashable, Sendable, Codable {
    public var deviceId: String
    public var protocolVersion: Int
    public var mutations: [Mutation]

    public init(deviceId: String, protocolVersion: Int = SyncProtocol.version, mutations: [Mutation]) {
        self.deviceId = deviceId
        self.protocolVersion = protocolVersion
        self.mutations = mutations
    }
}

public struct MutationOutcome: Hashable, Sendable, Codable {
    public enum Status: String, Sendable, Codable {
        case applied, appliedWithException, rejected
    }

    public var id: Int64
    public var status: Status
    public var code: String?
    public var message: String?

    public init(id: Int64, status: Status, code: String? = nil, message: String? = nil) {
        self.id = id
        self.status = status
        self.code = code
        self.message = message
    }
}

public struct PushResponse: Hashable, Sendable, Codable {
    public var lastMutationId: Int64
    public var outcomes: [MutationOutcome]
    /// True when processing stopped at a mutation whose id is past `lastMutationId + 1`: the device's queue has a
    /// hole (absent otherwise), so a device can tell it from an empty batch and show it instead of retrying.
    public var gap: Bool?

    public init(lastMutationId: Int64, outcomes: [MutationOutcome], gap: Bool? = nil) {
        self.lastMutationId = lastMutationId
        self.outcomes = outcomes
        self.gap = gap
    }
}

public struct PullRequest: Hashable, Sendable, Codable {
    public var deviceId: String
    public var protocolVersion: Int
    public var cursor: String?
    public var limit: Int?

    public init(deviceId: String, protocolVersion: Int = SyncProtocol.version, cursor: String? = nil, limit: Int? = nil) {
        self.deviceId = deviceId
        self.protocolVersion = protocolVersion
        self.cursor = cursor
        self.limit = limit
    }
}

public struct Change: Hashable, Sendable, Codable {
    public enum Operation: String, Sendable, Codable {
        case put, remove
    }

    /// `workOrder`, `note`, `stockBalance`, `part`.
    public var entity: String
    public var op: Operation
    public var id: String
    public var version: Int64
    public var data: JSONValue?

    public init(entity: String, op: Operation, id: String, version: Int64, data: JSONValue? = nil) {
        self.entity = entity
        self.op = op
        self.id = id
        self.version = version
        self.data = data
    }
}

public struct PullResponse: Hashable, Sendable, Codable {
    public var cursor: String
    public var hasMore: Bool
    public var lastMutationId: Int64
    public var changes: [Change]
    /// The server cannot continue from the given cursor: push what is left, then prime with a null cursor.
    public var reset: Bool?

    public init(cursor: String, hasMore: Bool, lastMutationId: Int64, changes: [Change], reset: Bool? = nil) {
        self.cursor = cursor
        self.hasMore = hasMore
        self.lastMutationId = lastMutationId
        self.changes = changes
        self.reset = reset
    }
}

/// `{"error": {"code": "snake_case_code", "message": "…"}}`.
public struct SyncErrorBody: Hashable, Sendable, Codable {
    public struct Detail: Hashable, Sendable, Codable {
        public var code: String
        public var message: String
    }

    public var error: Detail

    public init(code: String, message: String) {
        error = Detail(code: code, message: message)
    }
}
