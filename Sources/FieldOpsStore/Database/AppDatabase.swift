import FieldOpsModel
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
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
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
        return migrator
    }
}
