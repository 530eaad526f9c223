import FieldOpsInventory
import FieldOpsModel
import FieldOpsStore
import FieldOpsSync
import FieldOpsTestSupport
import Foundation
import Testing

@Suite struct SyncStoreTests {
    let t1 = TechnicianID(rawValue: "T001")
    let t2 = TechnicianID(rawValue: "T002")

    func orders(_ database: AppDatabase) -> [WorkOrderNumber] {
        SyncFixture.problem.orders.map(\.number)
    }

    @Test func primingGivesTheWholeScopeAndThenOnlyChanges() throws {
        let database = try SyncFixture.database()
        let numbers = orders(database)
        _ = try database.assign(numbers[0], to: t1, actor: "anna", at: SyncFixture.now)
        _ = try database.assign(numbers[1], to: t1, actor: "anna", at: SyncFixture.now)
        _ = try database.assign(numbers[2], to: t2, actor: "anna", at: SyncFixture.now)
        let (primed, cursor) = try SyncFixture.pullAll(database, device: "d1", technician: t1)
        let primedOrders = primed.filter { $0.entity == "workOrder" }.map(\.id).sorted()
        #expect(primedOrders == [numbers[0].rawValue, numbers[1].rawValue])
        #expect(primed.filter { $0.entity == "part" }.count == SyncFixture.problem.parts.count)
        #expect(primed.allSatisfy { $0.op == .put })
        #expect(Set(primed.map { "\($0.entity)/\($0.id)" }).count == primed.count, "nothing twice")
        let balances = primed.filter { $0.entity == "stockBalance" }
        #expect(balances.allSatisfy { $0.id.hasPrefix("V001/") }, "only its own van")
        // Nothing new: an empty page.
        let again = try database.pull(PullRequest(deviceId: "d1", cursor: cursor), technician: t1, at: SyncFixture.now)
        #expect(again.changes.isEmpty)
        #expect(!again.hasMore)
        // Reassign one order away and give another: a remove and a put.
        _ = try database.assign(numbers[1], to: t2, actor: "anna", at: SyncFixture.now)
        _ = try database.assign(numbers[2], to: t1, actor: "anna", at: SyncFixture.now)
        let (changes, _) = try SyncFixture.pullAll(database, device: "d1", technician: t1, from: cursor)
        #expect(changes.map { "\($0.op) \($0.id)" } == ["remove \(numbers[1])", "put \(numbers[2])"])
    }

    @Test func mutationsApplyOnceAndReplaysGetTheStoredOutcome() throws {
        let database = try SyncFixture.database()
        let order = orders(database)[0]
        _ = try database.assign(order, to: t1, actor: "anna", at: SyncFixture.now)
        let batch = PushRequest(deviceId: "d1", mutations: [
            SyncFixture.setStatus(1, order, "enRoute", basis: 1),
            SyncFixture.consume(2, entry: "e-1", order, part: "FLT-220", quantity: 50),
            SyncFixture.setStatus(3, order, "dancing", basis: 1),
            SyncFixture.setStatus(4, order, "onSite", basis: 1),
        ])
        let first = try database.push(batch, technician: t1, at: SyncFixture.now)
        #expect(first.lastMutationId == 4)
        #expect(first.outcomes.map(\.status) == [.applied, .appliedWithException, .rejected, .applied])
        #expect(first.outcomes[1].code == "negative_van_stock")
        #expect(first.outcomes[2].code == "invalid_args", "a rejected mutation does not block the next")
        let replay = try database.push(batch, technician: t1, at: SyncFixture.now)
        #expect(replay == first, "a retried push is answered from the stored outcomes")
        #expect(try database.ledger().filter { $0.idempotencyKey == "e-1" }.count == 1)
        #expect(try database.workOrder(order)?.order.status == .onSite)
        // A gap stops the batch.
        let gap = try database.push(PushRequest(deviceId: "d1", mutations: [SyncFixture.note(6, noteId: "n", order, "x")]), technician: t1, at: SyncFixture.now)
        #expect(gap.lastMutationId == 4)
        #expect(gap.outcomes.isEmpty)
    }

    @Test(arguments: ["enRoute", "onSite", "resolved"])
    func theReassignmentRace(status: String) throws {
        let database = try SyncFixture.database()
        let order = orders(database)[0]
        _ = try database.assign(order, to: t1, actor: "anna", at: SyncFixture.now)
        // Offline, T001's device moves the order along; meanwhile the dispatcher gives it to T002.
        _ = try database.assign(order, to: t2, actor: "anna", at: SyncFixture.now)
        let path: [String] = status == "resolved" ? ["enRoute", "onSite", "resolved"] : (status == "onSite" ? ["enRoute", "onSite"] : ["enRoute"])
        let mutations = path.enumerated().map { SyncFixture.setStatus(Int64($0.offset + 1), order, $0.element, basis: 1) }
        let response = try database.push(PushRequest(deviceId: "d1", mutations: mutations), technician: t1, at: SyncFixture.now)
        let state = try #require(try database.workOrder(order))
        #expect(response.outcomes[0].status == .rejected)
        #expect(response.outcomes[0].code == "reassigned")
        switch status {
        case "enRoute":
            #expect(state.technicianId == t2)
            #expect(state.order.status == .dispatched)
        default:
            // onSite is the first physical fact after the reassignment: kept, with an exception; once the order is
            // back with T001, what follows applies normally.
            #expect(response.outcomes[1].status == .appliedWithException)
            #expect(response.outcomes[1].code == "reassignment_conflict")
            #expect(response.outcomes.dropFirst(2).allSatisfy { $0.status == .applied })
            #expect(state.technicianId == t1, "the new assignee had not started: the order goes back")
            #expect(state.order.status.rawValue == status)
            #expect(try database.exceptions().contains { $0.kind == "reassignment_conflict" && $0.workOrder == order })
        }
    }

    @Test func theDispatcherCannotReassignWorkUnderWay() throws {
        let database = try SyncFixture.database()
        let order = orders(database)[0]
        _ = try database.assign(order, to: t1, actor: "anna", at: SyncFixture.now)
        _ = try database.push(PushRequest(deviceId: "d1", mutations: [SyncFixture.setStatus(1, order, "onSite", basis: 1)]), technician: t1, at: SyncFixture.now)
        #expect(throws: StoreError.self) { try database.assign(order, to: self.t2, actor: "anna", at: SyncFixture.now) }
        do {
            _ = try database.assign(order, to: t2, actor: "anna", at: SyncFixture.now)
        } catch let error as StoreError {
            #expect(error.message == "work order \(order) is onSite with T001: it cannot be reassigned")
        }
    }

    @Test func aDeviceBoundToAnotherTechnicianIsRefusedAndNothingChanges() throws {
        let database = try SyncFixture.database()
        let order = orders(database)[0]
        _ = try database.assign(order, to: t1, actor: "anna", at: SyncFixture.now)
        _ = try database.pull(PullRequest(deviceId: "d1"), technician: t1, at: SyncFixture.now)
        #expect(throws: StoreError.self) {
            try database.push(PushRequest(deviceId: "d1", mutations: [SyncFixture.setStatus(1, order, "enRoute", basis: 1)]), technician: self.t2, at: SyncFixture.now)
        }
        #expect(try database.workOrder(order)?.order.status == .dispatched)
    }

    @Test func aCursorFromElsewhereAsksForAReset() throws {
        let database = try SyncFixture.database()
        let response = try database.pull(PullRequest(deviceId: "d1", cursor: "bm9wZQ"), technician: t1, at: SyncFixture.now)
        #expect(response.reset == true)
        let other = try SyncFixture.database()
        let (_, cursor) = try SyncFixture.pullAll(other, device: "d1", technician: t1)
        #expect(try database.pull(PullRequest(deviceId: "d1", cursor: cursor), technician: t1, at: SyncFixture.now).reset == true)
    }
}

@Suite struct PaginationTests {
    /// Pages of three, with reassignments, pushes and stock movements between every two pages: the device ends up
    /// with exactly the server's projection of its scope, and no change (entity, id, version) arrives twice.
    @Test(arguments: [UInt64(1), 2, 3])
    func pagesLoseNothingAndRepeatNothingUnderConcurrentWrites(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let database = try SyncFixture.database()
        let technicians: [TechnicianID] = ["T001", "T002", "T003"]
        let orders = SyncFixture.problem.orders.map(\.number)
        for (index, order) in orders.enumerated() { _ = try database.assign(order, to: technicians[index % 3], actor: "anna", at: SyncFixture.now) }
        var local: [String: Change] = [:]
        var delivered = Set<String>()
        var cursor: String?
        var nextMutation: Int64 = 1
        for step in 0..<120 {
            let page = try database.pull(PullRequest(deviceId: "d1", cursor: cursor, limit: 3), technician: "T001", at: SyncFixture.now)
            for change in page.changes {
                #expect(delivered.insert("\(change.entity)/\(change.id)@\(change.version)").inserted, "repeated: \(change.id)@\(change.version)")
                // The same state twice in a row is a repetition too, whatever version it is labelled with.
                let key = "\(change.entity)/\(change.id)"
                if change.op == .put, let previous = local[key] { #expect(previous.data != change.data, "\(key) sent again unchanged") }
                local[key] = change.op == .put ? change : nil
            }
            cursor = page.cursor
            // Somebody else writes between two pages.
            switch random.weightedIndex([3, 2, 2, 1]) {
            case 0:
                let order = orders.randomElement(using: &random)!
                _ = try? database.assign(order, to: technicians.randomElement(using: &random)!, actor: "anna", at: SyncFixture.now)
            case 1:
                let order = orders.randomElement(using: &random)!
                let owner = try database.workOrder(order)?.technicianId ?? "T002"
                _ = try database.push(PushRequest(deviceId: "other-\(owner)", mutations: [
                    SyncFixture.note(try database.lastMutation("other-\(owner)") + 1, noteId: "note-\(step)", order, "step \(step)"),
                ]), technician: owner, at: SyncFixture.now)
            case 2:
                _ = try database.post(.transfer(part: "FUS-016", from: "WH-CENTRAL", to: ["V001", "V002"].randomElement(using: &random)!, quantity: 1, serial: nil),
                                      context: PostingContext(idempotencyKey: "t-\(step)", actor: "anna", source: .dispatcher, time: SyncFixture.now))
            default:
                _ = try database.push(PushRequest(deviceId: "d1", mutations: [
                    SyncFixture.consume(nextMutation, entry: "c-\(step)", orders[0], part: "GSK-050", quantity: 1),
                ]), technician: "T001", at: SyncFixture.now)
                nextMutation += 1
            }
        }
        // Catch up, then compare with a fresh projection.
        for _ in 0..<200 {
            let page = try database.pull(PullRequest(deviceId: "d1", cursor: cursor, limit: 3), technician: "T001", at: SyncFixture.now)
            for change in page.changes {
                #expect(delivered.insert("\(change.entity)/\(change.id)@\(change.version)").inserted)
                local["\(change.entity)/\(change.id)"] = change.op == .put ? change : nil
            }
            cursor = page.cursor
            if !page.hasMore { break }
        }
        let (fresh, _) = try SyncFixture.pullAll(database, device: "d1-fresh", technician: "T001", limit: 7)
        let expected = Dictionary(fresh.map { ("\($0.entity)/\($0.id)", $0) }, uniquingKeysWith: { _, last in last })
        #expect(local.mapValues(\.data) == expected.mapValues(\.data))
        #expect(local.mapValues(\.version) == expected.mapValues(\.version))
    }
}
