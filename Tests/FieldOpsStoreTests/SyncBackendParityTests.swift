import FieldOpsInventory
import FieldOpsModel
@testable import FieldOpsStore
import FieldOpsSync
import FieldOpsTestSupport
import Foundation
import GRDB
import Testing

/// The sync protocol's rules live in `SyncEngine`; a backend only stores. The same random life of a company
/// (reassignments, pushes with replays, gaps, bad arguments and other technicians' orders, stock used, pulls with
/// small pages from several devices) runs on the in-memory backend and on SQLite, and every answer must be the
/// same, byte for byte: outcomes, pages, cursors, versions, refusals, and the books at the end.
@Suite struct SyncBackendParityTests {
    static let technicians: [TechnicianID] = ["T001", "T002", "T003"]

    /// Both backends, loaded with the same problem in the same order (the import's: parts, orders, stock).
    struct Backends {
        let database: AppDatabase
        var memory: InMemorySyncRepository

        init() throws {
            let problem = SyncFixture.problem
            database = try AppDatabase.inMemory()
            _ = try database.importProblem(problem, at: SyncFixture.now)
            let instance = try database.writer.read { db in try SQLiteSyncRepository(db).instance() }
            let locations = problem.warehouses.map { StockLocation(id: $0.id, kind: .warehouse, name: $0.name) }
                + problem.technicians.map { StockLocation(id: $0.van, kind: .van, name: "Van of \($0.name)", technicianId: $0.id) }
            memory = InMemorySyncRepository(
                name: instance, technicians: problem.technicians, stock: InMemoryStockRepository(parts: problem.parts, locations: locations))
            for part in problem.parts { memory.log(LoggedChange(entity: .part, id: part.id.rawValue, oldOwner: nil, newOwner: nil, everyone: true)) }
            for order in problem.orders {
                let fresh = SyncOrder(order: order, technicianId: nil, assignmentVersion: 0)
                memory.insert(fresh)
                try SyncEngine.save(fresh, previousOwner: nil, at: SyncFixture.now, in: &memory)
            }
            for line in problem.initialStock {
                let part = try #require(problem.parts.first { $0.id == line.partId })
                let key = "import/\(line.location)/\(line.partId)"
                let units = part.serialized ? (1...max(1, line.quantity)).map { ($0, 1, "\(line.location)-\($0)") } : [(0, line.quantity, nil)]
                for (unit, quantity, serial) in units {
                    let context = PostingContext(idempotencyKey: part.serialized ? "\(key)/\(unit)" : key, actor: "import", source: .system, time: SyncFixture.now)
                    _ = try memory.withStock { stock in
                        try StockLedger.post(.receive(part: line.partId, to: line.location, quantity: quantity, unitCost: part.standardCost, serial: serial),
                                             context: context, in: &stock)
                    }
                }
            }
        }

        /// The dispatcher gives an order to a technician, the same way on both (a new assignment version,
        /// dispatched): the devices' ownership rules are then tested against real history.
        mutating func reassign(_ number: WorkOrderNumber, to technician: TechnicianID) throws {
            func step<R: SyncRepository>(_ repository: inout R) throws {
                guard var order = try repository.order(number), order.technicianId != technician,
                      [.new, .dispatched, .enRoute, .onHold, .reopened].contains(order.order.status) else { return }
                let previous = order.technicianId
                order.technicianId = technician
                order.assignmentVersion += 1
                if order.order.status != .dispatched {
                    try repository.recordEvent(OrderEvent(workOrder: number, actor: "anna", source: .dispatcher, time: SyncFixture.now,
                                                          from: order.order.status, to: .dispatched, technician: technician))
                    order.order.status = .dispatched
                }
                try SyncEngine.save(order, previousOwner: previous, at: SyncFixture.now, in: &repository)
            }
            try database.writer.write { db in
                var repository = SQLiteSyncRepository(db)
                try step(&repository)
            }
            try step(&memory)
        }

        mutating func push(_ request: PushRequest, technician: TechnicianID) -> Outcome<PushResponse> {
            let sqlite = Outcome { try database.push(request, technician: technician, at: SyncFixture.now) }
            let memory = Outcome { try SyncEngine.push(request, technician: technician, at: SyncFixture.now, in: &self.memory) }
            #expect(sqlite == memory, "push \(request.mutations.map(\.id)) by \(technician)")
            return sqlite
        }

        mutating func pull(_ request: PullRequest, technician: TechnicianID) -> Outcome<PullResponse> {
            let sqlite = Outcome { try database.pull(request, technician: technician, at: SyncFixture.now) }
            let memory = Outcome {
                if try SyncEngine.pullNeedsWrite(device: request.deviceId, technician: technician, at: SyncFixture.now, in: self.memory) {
                    try SyncEngine.preparePull(device: request.deviceId, technician: technician, at: SyncFixture.now, in: &self.memory)
                }
                return try SyncEngine.page(request, technician: technician, in: self.memory)
            }
            #expect(sqlite == memory, "pull by \(request.deviceId) for \(technician)")
            return sqlite
        }
    }

    /// An answer or the code of the refusal, comparable across backends.
    enum Outcome<Value: Equatable>: Equatable {
        case value(Value)
        case refused(String)

        init(_ body: () throws -> Value) {
            do {
                self = .value(try body())
            } catch let error as StoreError {
                self = .refused(error.code.name)
            } catch let error as SyncError {
                self = .refused(error.code.rawValue)
            } catch {
                self = .refused("unexpected: \(error)")
            }
        }

        var value: Value? {
            if case .value(let value) = self { return value }
            return nil
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func bothBackendsGiveTheSameAnswers(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var backends = try Backends()
        let orders = SyncFixture.problem.orders.map(\.number)
        let parts = SyncFixture.problem.parts.map(\.id)
        for (index, order) in orders.enumerated() { try backends.reassign(order, to: Self.technicians[index % 3]) }
        // Each technician has a device; devices keep their cursor and their next mutation id.
        var cursors: [TechnicianID: String] = [:]
        var next: [TechnicianID: Int64] = Dictionary(uniqueKeysWithValues: Self.technicians.map { ($0, 1) })
        var refusals = 0
        var statuses: [MutationOutcome.Status: Int] = [:]
        var pagesWithChanges = 0
        for step in 0..<160 {
            let technician = Self.technicians.randomElement(using: &random)!
            let device = "device-\(technician)"
            switch random.weightedIndex([2, 5, 4, 1]) {
            case 0:
                try backends.reassign(orders.randomElement(using: &random)!, to: Self.technicians.randomElement(using: &random)!)
            case 1:
                var mutations: [Mutation] = []
                for _ in 0..<Int(random.next(below: 4)) + 1 {
                    let id = next[technician]!
                    let order = orders.randomElement(using: &random)!
                    let basis = Int64(random.next(below: 4))
                    switch random.next(below: 5) {
                    case 0: mutations.append(SyncFixture.setStatus(id, order, ["enRoute", "onSite", "resolved", "onHold"].randomElement(using: &random)!, basis: basis))
                    case 1: mutations.append(SyncFixture.note(id, noteId: "n-\(seed)-\(random.next(below: 30))", order, "text \(random.next(below: 3))"))
                    case 2: mutations.append(SyncFixture.consume(id, entry: "e-\(step)-\(id)", order, part: parts.randomElement(using: &random)!.rawValue,
                                                                 quantity: Int(random.next(below: 3)) + 1))
                    case 3: mutations.append(Mutation(id: id, name: "workOrder.addNote", args: .object(["workOrderId": .string("bad")])))
                    default: mutations.append(SyncFixture.setStatus(id, order, "onSite", basis: 99))
                    }
                    next[technician]! += 1
                }
                // Now and then a replay of what was sent before, or a gap.
                if random.next(below: 6) == 0, let first = mutations.first, first.id > 1 {
                    mutations.insert(SyncFixture.note(first.id - 1, noteId: "replayed", orders[0], "x"), at: 0)
                }
                if random.next(below: 8) == 0 { mutations.append(SyncFixture.note(next[technician]! + 5, noteId: "gap", orders[0], "x")) }
                if let response = backends.push(PushRequest(deviceId: device, mutations: mutations), technician: technician).value {
                    next[technician] = response.lastMutationId + 1
                    for outcome in response.outcomes { statuses[outcome.status, default: 0] += 1 }
                } else {
                    refusals += 1
                }
            case 2:
                let limit = Int(random.next(below: 6)) + 1
                if let page = backends.pull(PullRequest(deviceId: device, cursor: cursors[technician], limit: limit), technician: technician).value {
                    cursors[technician] = page.reset == true ? nil : page.cursor
                    if !page.changes.isEmpty { pagesWithChanges += 1 }
                }
            default:
                // Someone else's device: refused the same way by both.
                let other = Self.technicians.first { $0 != technician }!
                guard backends.memory.device("device-\(other)") != nil else { continue }
                let refused = backends.push(PushRequest(deviceId: "device-\(other)", mutations: []), technician: technician)
                #expect(refused == .refused("device_bound_elsewhere"))
            }
        }
        #expect(refusals == 0, "only the other-device step is refused")
        // The run went through the protocol's cases, not around them.
        #expect(statuses[.applied, default: 0] > 10 && statuses[.rejected, default: 0] > 10, "\(statuses)")
        #expect(pagesWithChanges > 10)
        // The books at the end.
        let stored = try backends.database.writer.read { db in
            try orders.map { try SQLiteSyncRepository(db).order($0) }
        }
        #expect(stored == orders.map { backends.memory.order($0) })
        for technician in Self.technicians {
            let fresh = backends.pull(PullRequest(deviceId: "fresh-\(technician)", limit: 2_000), technician: technician)
            #expect(fresh.value?.hasMore == false)
        }
    }
}
