import FieldOpsSync
import GRDB

/// The change sequence devices pull from: one row per change to a work order, note, van balance or part, written
/// in the same transaction as the change. `oldOwner` and `newOwner` are the technicians whose devices the change
/// concerns (before and after it); `everyone` marks catalog changes every device receives.
enum ChangeLog {
    typealias Entity = SyncEntity

    @discardableResult
    static func record(_ db: Database, _ entity: Entity, _ id: String, oldOwner: String?, newOwner: String?, everyone: Bool = false) throws -> Int64 {
        let statement = try db.cachedStatement(sql: "INSERT INTO change_log (entity, entity_id, old_owner, new_owner, everyone) VALUES (?, ?, ?, ?, ?)")
        try statement.execute(arguments: [entity.rawValue, id, oldOwner, newOwner, everyone])
        return db.lastInsertedRowID
    }

    static func latest(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM change_log") ?? 0
    }
}
