import FieldOpsInventory
import FieldOpsModel
import Foundation
import GRDB

public struct ImportSummary: Sendable {
    public var technicians: Int
    public var ordersAdded: Int
    public var ordersUpdated: Int
    public var parts: Int
    public var stockLines: Int
}

extension AppDatabase {
    /// Loads a problem into the database in one transaction: technicians and their vans, warehouses, parts, work
    /// orders (new ones as given; known ones keep their status and assignment), initial stock (once: importing
    /// the same file again receives nothing twice). The problem's policy, horizon and travel model are kept for
    /// `optimize`.
    public func importProblem(_ problem: Problem, at time: Instant) throws -> ImportSummary {
        try writer.write { db in try Self.importProblem(db, problem, at: time) }
    }

    /// The same, awaiting the database's writer (for the server).
    public func importProblem(_ problem: Problem, at time: Instant) async throws -> ImportSummary {
        try await writer.write { db in try Self.importProblem(db, problem, at: time) }
    }

    static func importProblem(_ db: Database, _ problem: Problem, at time: Instant) throws -> ImportSummary {
        do {
            var settings = problem
            settings.technicians = []
            settings.orders = []
            settings.initialStock = []
            let encoder = JSONEncoder()
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('settings', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           arguments: [String(decoding: try encoder.encode(settings), as: UTF8.self)])
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('instance', ?) ON CONFLICT (key) DO NOTHING",
                           arguments: [UUID().uuidString.lowercased()])
            for technician in problem.technicians {
                try db.execute(sql: """
                    INSERT INTO technicians (id, name, van, data) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, van = excluded.van, data = excluded.data
                    """, arguments: [technician.id.rawValue, technician.name, technician.van.rawValue,
                                     String(decoding: try encoder.encode(technician), as: UTF8.self)])
            }
            let locations = problem.warehouses.map { StockLocation(id: $0.id, kind: .warehouse, name: $0.name) }
                + problem.technicians.map { StockLocation(id: $0.van, kind: .van, name: "Van of \($0.name)", technicianId: $0.id) }
            try Self.setUpStock(db, parts: problem.parts, locations: locations)
            var added = 0
            var updated = 0
            for order in problem.orders {
                let data = String(decoding: try encoder.encode(order), as: UTF8.self)
                if try WorkOrderRow.fetch(db, order.number) != nil {
                    try db.execute(sql: "UPDATE work_orders SET data = ? WHERE number = ?", arguments: [data, order.number.rawValue])
                    let owner = try String.fetchOne(db, sql: "SELECT technician_id FROM work_orders WHERE number = ?", arguments: [order.number.rawValue])
                    try ChangeLog.record(db, .workOrder, order.number.rawValue, oldOwner: owner, newOwner: owner)
                    updated += 1
                    continue
                }
                // An order already under way or pinned belongs to its locked technician from the start.
                let technician = order.status == .new ? nil : order.lock?.technicianId
                try db.execute(sql: """
                    INSERT INTO work_orders (number, data, status, technician_id, assignment_version, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [order.number.rawValue, data, order.status.rawValue, technician?.rawValue,
                                     technician == nil ? 0 : 1, order.createdAt.secondsSinceEpoch])
                let row = WorkOrderRow(
                    order: order, technicianId: technician, assignmentVersion: technician == nil ? 0 : 1, plannedStart: nil,
                    plannedEnd: nil, closedAt: nil, agedOut: false)
                try row.saveState(db, previousOwner: nil, at: time)
                added += 1
            }
            var repository = SQLiteStockRepository(db)
            for line in problem.initialStock {
                guard let part = problem.parts.first(where: { $0.id == line.partId }) else { continue }
                let key = "import/\(line.location)/\(line.partId)"
                if part.serialized {
                    // Serials are not in the problem file: the imported units get made-up ones the stock controller
                    // can relabel by scrapping and receiving.
                    for unit in 1...max(1, line.quantity) {
                        _ = try StockLedger.post(
                            .receive(part: line.partId, to: line.location, quantity: 1, unitCost: part.standardCost, serial: "\(line.location)-\(unit)"),
                            context: PostingContext(idempotencyKey: "\(key)/\(unit)", actor: "import", source: .system, time: time), in: &repository)
                    }
                } else {
                    _ = try StockLedger.post(
                        .receive(part: line.partId, to: line.location, quantity: line.quantity, unitCost: part.standardCost, serial: nil),
                        context: PostingContext(idempotencyKey: key, actor: "import", source: .system, time: time), in: &repository)
                }
            }
            return ImportSummary(
                technicians: problem.technicians.count, ordersAdded: added, ordersUpdated: updated, parts: problem.parts.count,
                stockLines: problem.initialStock.count)
        }
    }

    /// The imported problem's settings with the technicians and the orders that can still be planned, for
    /// `optimize`; nil before anything was imported.
    public func planningProblem() throws -> Problem? {
        try writer.read { db in try Self.planningProblem(db) }
    }

    /// The same, awaiting the database (for the server).
    public func planningProblem() async throws -> Problem? {
        try await writer.read { db in try Self.planningProblem(db) }
    }

    static func planningProblem(_ db: Database) throws -> Problem? {
        do {
            guard let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'settings'") else { return nil }
            let decoder = JSONDecoder()
            var problem = try decoder.decode(Problem.self, from: Data(text.utf8))
            problem.technicians = try String.fetchAll(db, sql: "SELECT data FROM technicians ORDER BY id").map {
                try decoder.decode(Technician.self, from: Data($0.utf8))
            }
            problem.orders = try Row.fetchAll(db, sql: "SELECT \(WorkOrderRow.columns) FROM work_orders WHERE status IN ('new', 'dispatched', 'reopened', 'enRoute', 'onSite') ORDER BY number").map {
                var row = try WorkOrderRow.decode($0)
                // Orders under way stay where they are: with their technician, at their planned start.
                if row.order.status.isStarted, let technician = row.technicianId {
                    row.order.lock = WorkOrderLock(technicianId: technician, start: row.order.lock?.start ?? row.plannedStart)
                }
                return row.order
            }
            return problem
        }
    }

    /// One work order with its dispatch state, for the CLI and tests.
    public func workOrder(_ number: WorkOrderNumber) throws -> (order: WorkOrder, technicianId: TechnicianID?, assignmentVersion: Int64)? {
        try writer.read { db in
            try WorkOrderRow.fetch(db, number).map { ($0.order, $0.technicianId, $0.assignmentVersion) }
        }
    }
}
