import FieldOpsModel
import FieldOpsSync
import Foundation
import GRDB

/// The FieldOps database: one SQLite file (WAL mode, so the server and the dispatcher's commands can use it at the
/// same time) or an in-memory one for tests. Every method is one transaction and enforces its invariants there.
public struct AppDatabase: Sendable {
    let writer: any DatabaseWriter

    /// Opens (and creates or migrates) the database file at `path`.
    public static func open(path: String) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // A 64 MiB page cache keeps the ledger's indexes in memory while large batches are posted.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        // A device drops every mutation the server acknowledged, so a commit must survive a power loss too: WAL
        // with FULL syncs the log at every commit (NORMAL can lose the last commits on an OS crash). GRDB sets
        // NORMAL when it turns WAL on, after `prepareDatabase`, so this is set on the pool's one writer afterwards.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return try AppDatabase(pool)
    }

    /// A private database in memory.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue())
    }

    init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Migrations are named v1, v2…; a shipped one is never edited.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE parts (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    serialized INTEGER NOT NULL,
                    standard_cost INTEGER NOT NULL
                );
                CREATE TABLE stock_locations (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL,
                    technician_id TEXT
                );
                CREATE TABLE ledger_entries (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    part_id TEXT NOT NULL REFERENCES parts(id),
                    quantity INTEGER NOT NULL CHECK (quantity >= 0),
                    from_location TEXT NOT NULL REFERENCES stock_locations(id),
                    to_location TEXT NOT NULL REFERENCES stock_locations(id),
                    unit_cost INTEGER NOT NULL,
                    average_cost_after INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    source TEXT NOT NULL,
                    time INTEGER NOT NULL,
                    work_order TEXT,
                    serial TEXT,
                    reverses INTEGER UNIQUE REFERENCES ledger_entries(id),
                    carrier TEXT
                );
                CREATE INDEX ledger_entries_part ON ledger_entries(part_id, id);
                CREATE INDEX ledger_entries_work_order ON ledger_entries(work_order) WHERE work_order IS NOT NULL;
                CREATE TABLE stock_balances (
                    part_id TEXT NOT NULL,
                    location TEXT NOT NULL,
                    on_hand INTEGER NOT NULL,
                    reserved INTEGER NOT NULL,
                    PRIMARY KEY (part_id, location)
                ) WITHOUT ROWID;
                CREATE INDEX stock_balances_location ON stock_balances(location, part_id);
                CREATE TABLE part_valuations (
                    part_id TEXT PRIMARY KEY NOT NULL,
                    quantity INTEGER NOT NULL,
                    value INTEGER NOT NULL,
                    average_cost INTEGER NOT NULL
                );
                CREATE TABLE serials (
                    part_id TEXT NOT NULL,
                    serial TEXT NOT NULL,
                    location TEXT NOT NULL,
                    PRIMARY KEY (part_id, serial)
                ) WITHOUT ROWID;
                CREATE TABLE reservations (
                    work_order TEXT NOT NULL,
                    part_id TEXT NOT NULL,
                    location TEXT NOT NULL,
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    PRIMARY KEY (work_order, part_id, location)
                ) WITHOUT ROWID;
                CREATE TABLE discrepancies (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    location TEXT NOT NULL,
                    part_id TEXT NOT NULL,
                    balance INTEGER NOT NULL,
                    raised_by INTEGER NOT NULL REFERENCES ledger_entries(id),
                    raised_at INTEGER NOT NULL,
                    closed_by INTEGER REFERENCES ledger_entries(id)
                );
                CREATE UNIQUE INDEX discrepancies_one_open ON discrepancies(location, part_id) WHERE closed_by IS NULL;
                CREATE TABLE reorder_points (
                    part_id TEXT NOT NULL,
                    location TEXT NOT NULL,
                    reorder_point INTEGER NOT NULL,
                    reorder_quantity INTEGER NOT NULL,
                    PRIMARY KEY (part_id, location)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE technicians (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    van TEXT NOT NULL,
                    data TEXT NOT NULL
                );
                CREATE TABLE work_orders (
                    number TEXT PRIMARY KEY NOT NULL,
                    data TEXT NOT NULL,
                    status TEXT NOT NULL,
                    technician_id TEXT,
                    assignment_version INTEGER NOT NULL DEFAULT 0,
                    planned_start INTEGER,
                    planned_end INTEGER,
                    created_at INTEGER NOT NULL,
                    closed_at INTEGER,
                    aged_out INTEGER NOT NULL DEFAULT 0,
                    csat INTEGER
                );
                CREATE INDEX work_orders_technician ON work_orders(technician_id);
                CREATE TABLE work_order_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    work_order TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    source TEXT NOT NULL,
                    time INTEGER NOT NULL,
                    from_status TEXT NOT NULL,
                    to_status TEXT NOT NULL,
                    technician_id TEXT,
                    applied INTEGER NOT NULL DEFAULT 1,
                    note TEXT
                );
                CREATE INDEX work_order_events_order ON work_order_events(work_order, id);
                CREATE TABLE notes (
                    id TEXT PRIMARY KEY NOT NULL,
                    work_order TEXT NOT NULL,
                    technician_id TEXT,
                    text TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX notes_work_order ON notes(work_order);
                CREATE TABLE change_log (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    entity TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    old_owner TEXT,
                    new_owner TEXT,
                    everyone INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX change_log_entity ON change_log(entity, entity_id, seq);
                CREATE INDEX change_log_old_owner ON change_log(old_owner, seq) WHERE old_owner IS NOT NULL;
                CREATE INDEX change_log_new_owner ON change_log(new_owner, seq) WHERE new_owner IS NOT NULL;
                CREATE INDEX change_log_everyone ON change_log(seq) WHERE everyone = 1;
                CREATE TABLE devices (
                    id TEXT PRIMARY KEY NOT NULL,
                    technician_id TEXT NOT NULL,
                    last_mutation_id INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE mutation_outcomes (
                    device_id TEXT NOT NULL,
                    mutation_id INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    code TEXT,
                    message TEXT,
                    PRIMARY KEY (device_id, mutation_id)
                ) WITHOUT ROWID;
                CREATE TABLE tokens (
                    hash TEXT PRIMARY KEY NOT NULL,
                    role TEXT NOT NULL,
                    technician_id TEXT,
                    created_at INTEGER NOT NULL,
                    revoked_at INTEGER
                );
                CREATE TABLE exceptions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    work_order TEXT,
                    technician_id TEXT,
                    message TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    resolved_at INTEGER
                );
                """)
        }
        // Pages scan the change log by sequence after the cursor; the owner indexes were never used and slowed
        // every write. AUTOINCREMENT is dropped too: rows are never deleted, so the rowid already grows with every
        // change, and the sqlite_sequence update per insert cost as much as the insert (measured: ledger postings
        // 13,500/s with the v2 table, see benchmarks/results).
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                DROP INDEX change_log_old_owner;
                DROP INDEX change_log_new_owner;
                DROP INDEX change_log_everyone;
                CREATE TABLE change_log_v3 (
                    seq INTEGER PRIMARY KEY,
                    entity TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    old_owner TEXT,
                    new_owner TEXT,
                    everyone INTEGER NOT NULL DEFAULT 0
                );
                INSERT INTO change_log_v3 SELECT seq, entity, entity_id, old_owner, new_owner, everyone FROM change_log;
                DROP TABLE change_log;
                ALTER TABLE change_log_v3 RENAME TO change_log;
                CREATE INDEX change_log_entity ON change_log(entity, entity_id, seq);
                """)
        }
        // Who held each order at each assignment version: a device's `basisAssignment` is only honoured for the
        // technician who really held the order then, and late facts only within a week of losing it. Tokens get a
        // public id (for listing and revoking without the secret) and an expiry. Orders already assigned start
        // their history at their current version.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: """
                CREATE TABLE assignments (
                    work_order TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    technician_id TEXT,
                    assigned_at INTEGER NOT NULL,
                    PRIMARY KEY (work_order, version)
                ) WITHOUT ROWID;
                CREATE INDEX assignments_technician ON assignments(technician_id, work_order);
                INSERT INTO assignments (work_order, version, technician_id, assigned_at)
                    SELECT number, assignment_version, technician_id, created_at FROM work_orders WHERE assignment_version > 0;
                ALTER TABLE tokens ADD COLUMN id TEXT;
                ALTER TABLE tokens ADD COLUMN expires_at INTEGER;
                UPDATE tokens SET id = substr(hash, 1, 16), expires_at = created_at + 90 * 86400;
                CREATE UNIQUE INDEX tokens_id ON tokens(id);
                """)
        }
        // The technician whose devices hold each order, as the sync rules decide it (`SyncScope`): pulls select
        // a device's orders by it instead of repeating the rule in SQL.
        migrator.registerMigration("v5") { db in
            try db.execute(sql: """
                ALTER TABLE work_orders ADD COLUMN sync_scope TEXT;
                CREATE INDEX work_orders_sync_scope ON work_orders(sync_scope, number) WHERE sync_scope IS NOT NULL;
                """)
            for row in try Row.fetchAll(db, sql: "SELECT \(WorkOrderRow.columns) FROM work_orders WHERE technician_id IS NOT NULL") {
                let order = try WorkOrderRow.decode(row).syncOrder
                try db.execute(sql: "UPDATE work_orders SET sync_scope = ? WHERE number = ?",
                               arguments: [SyncScope.technician(of: order)?.rawValue, order.number.rawValue])
            }
        }
        return migrator
    }
}
