import Crypto
import FieldOpsModel
import Foundation
import GRDB

/// Who a bearer token speaks for.
public enum Principal: Hashable, Sendable {
    case technician(TechnicianID)
    case dispatcher
}

/// A token as listed: never its secret, only its public id (the first 16 hex digits of its hash).
public struct TokenInfo: Hashable, Sendable, Codable {
    public var id: String
    public var role: String
    public var technicianId: TechnicianID?
    public var createdAt: Instant
    public var expiresAt: Instant?
    public var revokedAt: Instant?

    /// `active`, `expired` or `revoked` at `time`.
    public func state(at time: Instant) -> String {
        if revokedAt != nil { return "revoked" }
        if let expiresAt, expiresAt <= time { return "expired" }
        return "active"
    }
}

extension AppDatabase {
    /// How long a new token is valid unless the issuer says otherwise.
    public static let defaultTokenValidDays = 90
    public static let maxTokenValidDays = 3_660

    /// A new token for a technician (or, with nil, for a dispatcher), valid for `validDays`. The token is returned
    /// once; only its SHA-256 is stored.
    public func issueToken(technician: TechnicianID?, validDays: Int = defaultTokenValidDays, at time: Instant) throws -> (token: String, info: TokenInfo) {
        try writer.write { db in try Self.issueToken(db, technician: technician, validDays: validDays, at: time) }
    }

    public func issueToken(technician: TechnicianID?, validDays: Int = defaultTokenValidDays, at time: Instant) async throws -> (token: String, info: TokenInfo) {
        try await writer.write { db in try Self.issueToken(db, technician: technician, validDays: validDays, at: time) }
    }

    static func issueToken(_ db: Database, technician: TechnicianID?, validDays: Int, at time: Instant) throws -> (token: String, info: TokenInfo) {
        guard (1...maxTokenValidDays).contains(validDays) else {
            throw StoreError(.invalidValidity, "a token is valid for 1 to \(maxTokenValidDays) days, not \(validDays)")
        }
        if let technician {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM technicians WHERE id = ?", arguments: [technician.rawValue]) != nil else {
                throw StoreError(.unknownTechnician, "no technician \(technician); import the problem first")
            }
        }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = "fo_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let hash = Self.hash(token)
        let info = TokenInfo(
            id: String(hash.prefix(16)), role: technician == nil ? "dispatcher" : "technician", technicianId: technician,
            createdAt: time, expiresAt: Instant(secondsSinceEpoch: time.secondsSinceEpoch + Int64(validDays) * 86_400), revokedAt: nil)
        try db.execute(sql: "INSERT INTO tokens (hash, id, role, technician_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)", arguments: [
            hash, info.id, info.role, technician?.rawValue, time.secondsSinceEpoch, info.expiresAt?.secondsSinceEpoch,
        ])
        return (token, info)
    }

    /// Every token, oldest first, without secrets.
    public func tokens() throws -> [TokenInfo] {
        try writer.read { db in try Self.tokens(db) }
    }

    public func tokens() async throws -> [TokenInfo] {
        try await writer.read { db in try Self.tokens(db) }
    }

    static func tokens(_ db: Database) throws -> [TokenInfo] {
        try Row.fetchAll(db, sql: "SELECT id, role, technician_id, created_at, expires_at, revoked_at FROM tokens ORDER BY created_at, id").map {
            TokenInfo(id: $0[0], role: $0[1], technicianId: ($0[2] as String?).map(TechnicianID.init(rawValue:)),
                      createdAt: Instant(secondsSinceEpoch: $0[3]), expiresAt: ($0[4] as Int64?).map(Instant.init(secondsSinceEpoch:)),
                      revokedAt: ($0[5] as Int64?).map(Instant.init(secondsSinceEpoch:)))
        }
    }

    /// Revokes one token by its id, or every token of a technician (a lost device); returns the tokens revoked.
    /// Its next request gets 401.
    public func revokeTokens(id: String? = nil, technician: TechnicianID? = nil, at time: Instant) throws -> [TokenInfo] {
        try writer.write { db in try Self.revokeTokens(db, id: id, technician: technician, at: time) }
    }

    public func revokeTokens(id: String? = nil, technician: TechnicianID? = nil, at time: Instant) async throws -> [TokenInfo] {
        try await writer.write { db in try Self.revokeTokens(db, id: id, technician: technician, at: time) }
    }

    static func revokeTokens(_ db: Database, id: String?, technician: TechnicianID?, at time: Instant) throws -> [TokenInfo] {
        guard id != nil || technician != nil else {
            throw StoreError(.invalidRequest, "name a token id or a technician")
        }
        let matching = try tokens(db).filter { token in
            token.revokedAt == nil && (id.map { token.id == $0 } ?? true) && (technician.map { token.technicianId == $0 } ?? true)
        }
        guard !matching.isEmpty else {
            let what = id.map { "token \($0)" } ?? "technician \(technician?.rawValue ?? "")"
            throw StoreError(.unknownToken, "no active token for \(what)")
        }
        for token in matching {
            try db.execute(sql: "UPDATE tokens SET revoked_at = ? WHERE id = ?", arguments: [time.secondsSinceEpoch, token.id])
        }
        return matching.map { var revoked = $0; revoked.revokedAt = time; return revoked }
    }

    /// The principal of a token, or nil for an unknown, revoked or expired one.
    public func principal(forToken token: String, at time: Instant) throws -> Principal? {
        let hash = Self.hash(token)
        return try writer.read { db in try Self.principal(forHash: hash, at: time, in: db) }
    }

    /// The same, awaiting the database (for the server).
    public func principal(forToken token: String, at time: Instant) async throws -> Principal? {
        let hash = Self.hash(token)
        return try await writer.read { db in try Self.principal(forHash: hash, at: time, in: db) }
    }

    private static func principal(forHash hash: String, at time: Instant, in db: Database) throws -> Principal? {
        let sql = "SELECT role, technician_id FROM tokens WHERE hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)"
        guard let row = try Row.fetchOne(db, sql: sql, arguments: [hash, time.secondsSinceEpoch]) else { return nil }
        if (row[0] as String) == "dispatcher" { return .dispatcher }
        return (row[1] as String?).map { .technician(TechnicianID(rawValue: $0)) }
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
