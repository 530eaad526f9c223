import Crypto
import FieldOpsModel
import Foundation
import GRDB

/// Who a bearer token speaks for.
public enum Principal: Hashable, Sendable {
    case technician(TechnicianID)
    case dispatcher
}

extension AppDatabase {
    /// A new token for a technician (or, with nil, for a dispatcher). The token is returned once; only its
    /// SHA-256 is stored.
    public func issueToken(technician: TechnicianID?, at time: Instant) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = "fo_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        try writer.write { db in
            if let technician {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM technicians WHERE id = ?", arguments: [technician.rawValue]) != nil else {
                    throw StoreError(code: "unknown_technician", message: "no technician \(technician); import the problem first")
                }
            }
            try db.execute(sql: "INSERT INTO tokens (hash, role, technician_id, created_at) VALUES (?, ?, ?, ?)", arguments: [
                Self.hash(token), technician == nil ? "dispatcher" : "technician", technician?.rawValue, time.secondsSinceEpoch,
            ])
        }
        return token
    }

    /// The principal of a token, or nil for an unknown or revoked one.
    public func principal(forToken token: String) throws -> Principal? {
        let hash = Self.hash(token)
        return try writer.read { db in try Self.principal(forHash: hash, in: db) }
    }

    /// The same, awaiting the database (for the server).
    public func principal(forToken token: String) async throws -> Principal? {
        let hash = Self.hash(token)
        return try await writer.read { db in try Self.principal(forHash: hash, in: db) }
    }

    private static func principal(forHash hash: String, in db: Database) throws -> Principal? {
        let sql = "SELECT role, technician_id FROM tokens WHERE hash = ? AND revoked_at IS NULL"
        guard let row = try Row.fetchOne(db, sql: sql, arguments: [hash]) else { return nil }
        if (row[0] as String) == "dispatcher" { return .dispatcher }
        return (row[1] as String?).map { .technician(TechnicianID(rawValue: $0)) }
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
