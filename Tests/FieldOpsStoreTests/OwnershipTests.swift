import FieldOpsInventory
import FieldOpsModel
import FieldOpsStore
import FieldOpsSync
import FieldOpsTestSupport
import Foundation
import Testing

/// A device acts only on orders that are its technician's, now or within the last week, and a refusal says
/// nothing about whether the number exists or who holds it.
@Suite struct OwnershipTests {
    let t1 = TechnicianID(rawValue: "T001")
    let t2 = TechnicianID(rawValue: "T002")
    let t3 = TechnicianID(rawValue: "T003")
    var orders: [WorkOrderNumber] { SyncFixture.problem.orders.map(\.number) }

    func push(_ database: AppDatabase, _ device: String, _ technician: TechnicianID, _ mutations: [Mutation], at time: Instant = SyncFixture.now) throws -> PushResponse {
        try database.push(PushRequest(deviceId: device, mutations: mutations), technician: technician, at: time)
    }

    @Test(arguments: [Int64(0), -1, 1, 2])
    func anOldOrMadeUpBasisDoesNotTakeOverAnotherTechniciansOrder(basis: Int64) throws {
        let database = try SyncFixture.database()
        let order = orders[0]
        _ = try database.assign(order, to: t2, actor: "anna", at: SyncFixture.now)
        _ = try database.assign(order, to: t3, actor: "anna", at: SyncFixture.now)
        _ = try database.assign(order, to: t2, actor: "anna", at: SyncFixture.now)
        let (_, t2Cursor) = try SyncFixture.pullAll(database, device: "d2", technician: t2)
        for (index, status) in ["onSite", "resolved", "enRoute"].enumerated() {
            let response = try push(database, "d1", t1, [SyncFixture.setStatus(Int64(index + 1), order, status, basis: basis)])
            #expect(response.outcomes.map(\.status) == [.rejected])
            #expect(response.outcomes[0].code == "not_assigned", "whatever the basis: it never held the order")
        }
        let state = try #require(try database.workOrder(order))
        #expect(state.technicianId == t2, "the order stays with its technician")
        #expect(state.order.status == .dispatched)
        #expect(state.assignmentVersion == 3)
        #expect(try database.exceptions().isEmpty, "no reassignment conflict for someone who never held it")
        let (changes, _) = try SyncFixture.pullAll(database, device: "d2", technician: t2, from: t2Cursor)
        #expect(changes.isEmpty, "T002's device hears nothing: nothing changed")
        // The dispatcher can still move it.
        _ = try database.assign(order, to: t3, actor: "anna", at: SyncFixture.now)
        #expect(try database.workOrder(order)?.technicianId == t3)
    }

    @Test func notesAndPartsOnAnotherTechniciansOrderAreRefusedWithTheSameAnswerAsAnUnknownNumber() throws {
        let database = try SyncFixture.database()
        let theirs = orders[0]
        _ = try database.assign(theirs, to: t2, actor: "anna", at: SyncFixture.now)
        let unknown = WorkOrderNumber(rawValue: "209912999999")
        let ledgerBefore = try database.ledger().count
        let response = try push(database, "d1", t1, [
            SyncFixture.note(1, noteId: "n-theirs", theirs, "I was here"),
            SyncFixture.note(2, noteId: "n-unknown", unknown, "I was here"),
            SyncFixture.consume(3, entry: "e-theirs", theirs, part: "FUS-016", quantity: 1),
            SyncFixture.consume(4, entry: "e-unknown", unknown, part: "FUS-016", quantity: 1),
            Mutation(id: 5, name: "stock.returnDefective", args: .object([
                "entryId": .string("r-theirs"), "workOrderId": .string(theirs.rawValue), "partId": .string("FUS-016"), "quantity": .number(1),
            ])),
            SyncFixture.setStatus(6, theirs, "onSite", basis: 1),
            SyncFixture.setStatus(7, unknown, "onSite", basis: 1),
        ])
        #expect(response.outcomes.allSatisfy { $0.status == .rejected && $0.code == "not_assigned" })
        #expect(Set(response.outcomes.compactMap(\.message)).count == 1, "one message, whether the number exists or not")
        #expect(response.outcomes.allSatisfy { !($0.message ?? "").contains("T002") && !($0.message ?? "").contains(theirs.rawValue) })
        #expect(try database.ledger().count == ledgerBefore, "nothing booked")
        let (t2View, _) = try SyncFixture.pullAll(database, device: "d2", technician: t2)
        #expect(!t2View.contains { $0.entity == "note" }, "no note from T001 on T002's device")
    }

    @Test func lateFactsAreAcceptedForAWeekAfterTheOrderWasTakenAway() throws {
        let database = try SyncFixture.database()
        let order = orders[0]
        _ = try database.assign(order, to: t1, actor: "anna", at: SyncFixture.now)
        _ = try database.assign(order, to: t2, actor: "anna", at: SyncFixture.now)
        let sixDays = Instant(secondsSinceEpoch: SyncFixture.now.secondsSinceEpoch + 6 * 86_400)
        let eightDays = Instant(secondsSinceEpoch: SyncFixture.now.secondsSinceEpoch + 8 * 86_400)
        let late = try push(database, "d1", t1, [
            SyncFixture.note(1, noteId: "n1", order, "replaced the fuse before I was called away"),
            SyncFixture.consume(2, entry: "e1", order, part: "FUS-016", quantity: 1),
        ], at: sixDays)
        #expect(late.outcomes.allSatisfy { $0.status != .rejected })
        let tooLate = try push(database, "d1", t1, [
            SyncFixture.note(3, noteId: "n2", order, "and another thing"),
            SyncFixture.setStatus(4, order, "resolved", basis: 1),
        ], at: eightDays)
        #expect(tooLate.outcomes.map(\.code) == ["not_assigned", "not_assigned"])
        #expect(try database.workOrder(order)?.technicianId == t2)
    }

    @Test func theReassignmentConflictNamesNoOtherTechnicianToTheDevice() throws {
        let database = try SyncFixture.database()
        let order = orders[0]
        _ = try database.assign(order, to: t1, actor: "anna", at: SyncFixture.now)
        _ = try database.assign(order, to: t2, actor: "anna", at: SyncFixture.now)
        let response = try push(database, "d1", t1, [
            SyncFixture.setStatus(1, order, "enRoute", basis: 1), SyncFixture.setStatus(2, order, "onSite", basis: 1),
        ])
        #expect(response.outcomes.map(\.code) == ["reassigned", "reassignment_conflict"])
        #expect(response.outcomes.allSatisfy { !($0.message ?? "").contains("T002") })
        let exception = try #require(try database.exceptions().first { $0.kind == "reassignment_conflict" })
        #expect(exception.message.contains("T002") && exception.message.contains("T001"), "the dispatcher's copy names both")
    }

    /// Random dispatcher moves and random status reports from three devices with random bases (seeded): a report
    /// is honoured only when its technician held the order at that basis; any other leaves the order exactly as
    /// it was. A reference model of the assignment history decides.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func onlyAHolderAtTheBasisMovesAnOrder(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let database = try SyncFixture.database()
        let technicians = [t1, t2, t3]
        let orders = Array(orders.prefix(4))
        var history: [WorkOrderNumber: [Int64: TechnicianID?]] = [:]
        var next: [TechnicianID: Int64] = [t1: 1, t2: 1, t3: 1]
        for _ in 0..<300 {
            let order = orders.randomElement(using: &random)!
            guard let before = try database.workOrder(order) else { continue }
            if random.chance(0.3) {
                let technician = technicians.randomElement(using: &random)!
                if (try? database.assign(order, to: technician, actor: "anna", at: SyncFixture.now)) != nil, let after = try database.workOrder(order) {
                    history[order, default: [:]][after.assignmentVersion] = after.technicianId
                }
                continue
            }
            let reporter = technicians.randomElement(using: &random)!
            let basis = Int64.random(in: -1...(before.assignmentVersion + 1), using: &random)
            let status = ["enRoute", "onSite", "onHold", "resolved"].randomElement(using: &random)!
            let id = next[reporter]!
            next[reporter] = id + 1
            let outcome = try push(database, "device-\(reporter)", reporter, [SyncFixture.setStatus(id, order, status, basis: basis)]).outcomes[0]
            let heldAtBasis = history[order]?[basis] == .some(reporter)
            let holdsNow = before.technicianId == reporter && basis == before.assignmentVersion
            let after = try #require(try database.workOrder(order))
            if !(heldAtBasis || holdsNow) {
                #expect(outcome.status == .rejected, "\(reporter) \(status) basis \(basis) on \(order)")
                #expect(after.technicianId == before.technicianId && after.assignmentVersion == before.assignmentVersion
                            && after.order.status == before.order.status, "a refused report changes nothing")
            }
            if after.assignmentVersion != before.assignmentVersion {
                #expect(after.technicianId == reporter && heldAtBasis, "only a technician who held it takes an order back")
                history[order, default: [:]][after.assignmentVersion] = after.technicianId
            }
        }
    }

    @Test func aSerializedPartWithoutAKnownSerialIsRecordedAndRaisedForTheStockController() throws {
        let database = try SyncFixture.database()
        let order = orders[0]
        _ = try database.assign(order, to: t1, actor: "anna", at: SyncFixture.now)
        let response = try push(database, "d1", t1, [
            SyncFixture.consume(1, entry: "e1", order, part: "PMP-040", quantity: 1),
            Mutation(id: 2, name: "stock.consume", args: .object([
                "entryId": .string("e2"), "workOrderId": .string(order.rawValue), "partId": .string("PMP-040"),
                "quantity": .number(1), "serial": .string("NOT-IN-THIS-VAN"),
            ])),
        ])
        #expect(response.outcomes.map(\.status) == [.appliedWithException, .appliedWithException])
        #expect(response.outcomes.map(\.code) == ["serial_unknown", "serial_unknown"])
        let entries = try database.ledger().filter { $0.idempotencyKey == "e1" || $0.idempotencyKey == "e2" }
        #expect(entries.count == 2, "the movement is in the ledger")
        #expect(try database.serials()["PMP-040/NOT-IN-THIS-VAN"] == nil, "an unknown serial is not invented")
        let raised = try database.exceptions().filter { $0.kind == "serial_unknown" }
        #expect(raised.count == 2)
        #expect(raised.allSatisfy { $0.workOrder == order && $0.technicianId == t1 && $0.message.contains("PMP-040") })
        // Replayed: the same outcome, nothing raised twice.
        _ = try push(database, "d1", t1, [SyncFixture.consume(1, entry: "e1", order, part: "PMP-040", quantity: 1)])
        #expect(try database.exceptions().filter { $0.kind == "serial_unknown" }.count == 2)
    }

    @Test func aPushThatStopsAtAGapSaysSo() throws {
        let database = try SyncFixture.database()
        let order = orders[0]
        _ = try database.assign(order, to: t1, actor: "anna", at: SyncFixture.now)
        let applied = try push(database, "d1", t1, [SyncFixture.note(1, noteId: "n1", order, "a")])
        #expect(applied.gap == nil)
        let gap = try push(database, "d1", t1, [SyncFixture.note(2, noteId: "n2", order, "b"), SyncFixture.note(4, noteId: "n4", order, "d")])
        #expect(gap.lastMutationId == 2)
        #expect(gap.gap == true)
        let empty = try push(database, "d1", t1, [])
        #expect(empty.gap == nil, "an empty batch is no gap")
        let json = String(decoding: try JSONEncoder().encode(gap), as: UTF8.self)
        #expect(json.contains("\"gap\":true"))
    }
}
