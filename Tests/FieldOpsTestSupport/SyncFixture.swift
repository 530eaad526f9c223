import FieldOpsModel
import FieldOpsStore
import FieldOpsSync
import Foundation

/// A small company for the store, sync and server tests: technicians with vans, a warehouse, orders, parts in
/// stock, and the mutations devices send.
public enum SyncFixture {
    public static let now = Instant(rfc3339: "2026-11-23T08:00:00Z")!

    public static var problem: Problem {
        var generated = ProblemGenerator(.init(technicians: 3, orders: 12, days: 1, seed: 11)).generate()
        // Plain orders, nobody pinned: the tests decide who gets what.
        for index in generated.orders.indices {
            generated.orders[index].status = .new
            generated.orders[index].lock = nil
            generated.orders[index].excludedTechnicians = []
            generated.orders[index].requiredTechnicians = []
        }
        return generated
    }

    public static func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        _ = try database.importProblem(problem, at: now)
        return database
    }

    public static func file() throws -> (AppDatabase, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sync-\(UUID().uuidString).sqlite").path
        let database = try AppDatabase.open(path: path)
        _ = try database.importProblem(problem, at: now)
        return (database, path)
    }

    public static func setStatus(_ id: Int64, _ order: WorkOrderNumber, _ status: String, basis: Int64) -> Mutation {
        Mutation(id: id, name: "workOrder.setStatus", args: .object([
            "workOrderId": .string(order.rawValue), "status": .string(status), "basisAssignment": .number(Double(basis)),
        ]))
    }

    public static func consume(_ id: Int64, entry: String, _ order: WorkOrderNumber, part: String, quantity: Int) -> Mutation {
        Mutation(id: id, name: "stock.consume", args: .object([
            "entryId": .string(entry), "workOrderId": .string(order.rawValue), "partId": .string(part), "quantity": .number(Double(quantity)),
        ]))
    }

    public static func note(_ id: Int64, noteId: String, _ order: WorkOrderNumber, _ text: String) -> Mutation {
        Mutation(id: id, name: "workOrder.addNote", args: .object([
            "noteId": .string(noteId), "workOrderId": .string(order.rawValue), "text": .string(text),
        ]))
    }

    /// Pulls every page from `cursor` on; returns the changes and the last cursor.
    public static func pullAll(_ database: AppDatabase, device: String, technician: TechnicianID, from cursor: String? = nil, limit: Int = 5) throws -> ([Change], String) {
        var changes: [Change] = []
        var cursor = cursor
        for _ in 0..<1_000 {
            let page = try database.pull(PullRequest(deviceId: device, cursor: cursor, limit: limit), technician: technician, at: now)
            changes += page.changes
            cursor = page.cursor
            if !page.hasMore { break }
        }
        return (changes, cursor ?? "")
    }
}
