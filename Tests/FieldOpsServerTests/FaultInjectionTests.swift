import FieldOpsInventory
import FieldOpsModel
import FieldOpsServer
import FieldOpsStore
import FieldOpsSync
import FieldOpsTestSupport
import Foundation
import Testing

/// Twenty devices against a real server over loopback, with a seeded fault injector between them: responses lost
/// after the server committed, requests sent twice, batches reordered, devices restarting. Afterwards the server
/// must hold exactly what applying each device's mutations once, in order, to a fresh model gives.
@Suite struct FaultInjectionTests {
    static let deviceCount = 20
    static let operationsPerDevice = 300

    struct Company {
        var problem: Problem
        var assignments: [WorkOrderNumber: TechnicianID]
    }

    static func company() -> Company {
        var problem = ProblemGenerator(.init(technicians: deviceCount, orders: 120, days: 1, seed: 21)).generate()
        var assignments: [WorkOrderNumber: TechnicianID] = [:]
        for index in problem.orders.indices {
            problem.orders[index].status = .new
            problem.orders[index].lock = nil
            assignments[problem.orders[index].number] = problem.technicians[index % deviceCount].id
        }
        return Company(problem: problem, assignments: assignments)
    }

    @Test(arguments: [UInt64(1), 2])
    func everyMutationIsAppliedExactlyOnce(seed: UInt64) async throws {
        let company = Self.company()
        let database = try AppDatabase.inMemory()
        _ = try await database.importProblem(company.problem, at: SyncFixture.now)
        for (order, technician) in company.assignments.sorted(by: { $0.key < $1.key }) {
            _ = try await database.assign(order, to: technician, actor: "dispatcher", at: SyncFixture.now)
        }
        let initialDevices = try company.problem.technicians.enumerated().map { index, technician in
            SimulatedDevice(id: "device-\(index)", technician: technician.id, token: try database.issueToken(technician: technician.id, at: SyncFixture.now).token)
        }
        let parts = company.problem.parts.filter { !$0.serialized }.map(\.id)
        let finalDevices = try await LiveServer.run(database) { client in
            var devices = initialDevices
            var random = SeededGenerator(seed: seed)
            var faults = (dropped: 0, doubled: 0, reordered: 0, restarts: 0)
            var operations = Array(repeating: 0, count: devices.count)
            while operations.contains(where: { $0 < Self.operationsPerDevice }) {
                let index = Int.random(in: 0..<devices.count, using: &random)
                guard operations[index] < Self.operationsPerDevice else { continue }
                operations[index] += 1
                switch random.weightedIndex([50, 25, 20, 5]) {
                case 0:
                    devices[index].makeMutation(&random, parts: parts)
                case 1:
                    guard !devices[index].queue.isEmpty else { continue }
                    var batch = Array(devices[index].queue.prefix(Int.random(in: 1...20, using: &random)))
                    if batch.count > 1, random.chance(0.15) {
                        batch.shuffle(using: &random)
                        faults.reordered += 1
                    }
                    let request = PushRequest(deviceId: devices[index].id, mutations: batch)
                    var reply = try await client.post("/v1/sync/push", token: devices[index].token, request)
                    if random.chance(0.1) {
                        reply = try await client.post("/v1/sync/push", token: devices[index].token, request)
                        faults.doubled += 1
                    }
                    #expect(reply.status == .ok)
                    if random.chance(0.2) {
                        faults.dropped += 1
                        continue
                    }
                    devices[index].acknowledge(try reply.decode(PushResponse.self))
                case 2:
                    let reply = try await client.post("/v1/sync/pull", token: devices[index].token,
                                                      PullRequest(deviceId: devices[index].id, cursor: devices[index].cursor, limit: 25))
                    #expect(reply.status == .ok)
                    if random.chance(0.2) {
                        faults.dropped += 1
                        continue
                    }
                    let page = try reply.decode(PullResponse.self)
                    if page.reset == true {
                        devices[index].restart(losingCursor: true)
                        continue
                    }
                    devices[index].apply(page.changes)
                    devices[index].cursor = page.cursor
                default:
                    devices[index].restart(losingCursor: random.chance(0.5))
                    faults.restarts += 1
                }
            }
            #expect(faults.dropped > 100 && faults.doubled > 20 && faults.reordered > 5 && faults.restarts > 50, "\(faults)")
            // Back online for good: every device pushes what it still holds and pulls until it has everything.
            for index in devices.indices {
                for _ in 0..<200 where !devices[index].queue.isEmpty {
                    let reply = try await client.post("/v1/sync/push", token: devices[index].token,
                                                      PushRequest(deviceId: devices[index].id, mutations: Array(devices[index].queue.prefix(20))))
                    devices[index].acknowledge(try reply.decode(PushResponse.self))
                }
                #expect(devices[index].queue.isEmpty)
                for _ in 0..<500 {
                    let page = try await client.post("/v1/sync/pull", token: devices[index].token,
                                                     PullRequest(deviceId: devices[index].id, cursor: devices[index].cursor, limit: 50)).decode(PullResponse.self)
                    devices[index].apply(page.changes)
                    devices[index].cursor = page.cursor
                    if !page.hasMore { break }
                }
            }
            // Every device's data equals a fresh projection of its scope (a new device of the same technician).
            for device in devices {
                var fresh = SimulatedDevice(id: "\(device.id)-check", technician: device.technician, token: device.token)
                for _ in 0..<500 {
                    let page = try await client.post("/v1/sync/pull", token: fresh.token, PullRequest(deviceId: fresh.id, cursor: fresh.cursor, limit: 100)).decode(PullResponse.self)
                    fresh.apply(page.changes)
                    fresh.cursor = page.cursor
                    if !page.hasMore { break }
                }
                #expect(Self.shown(device.local) == Self.shown(fresh.local), "\(device.id) shows what the server holds for it")
            }
            return devices
        }
        try Self.checkAgainstReferenceModel(database: database, company: company, devices: finalDevices)
    }

    /// The device data without versions (a later prime carries newer versions of the same state).
    static func shown(_ local: [String: Change]) -> [String: JSONValue?] {
        local.mapValues(\.data)
    }

    /// Applies each device's mutations once, in id order, to a fresh model of the company and compares.
    static func checkAgainstReferenceModel(database: AppDatabase, company: Company, devices: [SimulatedDevice]) throws {
        let reference = try AppDatabase.inMemory()
        _ = try reference.importProblem(company.problem, at: SyncFixture.now)
        for (order, technician) in company.assignments.sorted(by: { $0.key < $1.key }) {
            _ = try reference.assign(order, to: technician, actor: "dispatcher", at: SyncFixture.now)
        }
        for device in devices {
            #expect(device.inconsistentOutcomes.isEmpty, "\(device.id): \(device.inconsistentOutcomes.prefix(3))")
            for mutation in device.made {
                let response = try reference.push(PushRequest(deviceId: device.id, mutations: [mutation]), technician: device.technician, at: SyncFixture.now)
                // The outcome the device heard is the one applying the mutation once gives.
                if let heard = device.outcomes[mutation.id] {
                    #expect(heard == response.outcomes.first, "\(device.id) mutation \(mutation.id)")
                }
            }
            #expect(device.outcomes.count == device.made.count, "\(device.id) heard an outcome for every mutation")
        }
        // What each technician's devices see is the same on the server and on the model.
        for technician in company.problem.technicians {
            let (server, _) = try SyncFixture.pullAll(database, device: "final-\(technician.id)", technician: technician.id, limit: 200)
            let (model, _) = try SyncFixture.pullAll(reference, device: "final-\(technician.id)", technician: technician.id, limit: 200)
            let serverView = Dictionary(server.map { ("\($0.entity)/\($0.id)", $0.data) }, uniquingKeysWith: { _, last in last })
            let modelView = Dictionary(model.map { ("\($0.entity)/\($0.id)", $0.data) }, uniquingKeysWith: { _, last in last })
            #expect(serverView == modelView, "\(technician.id)")
        }
        for order in company.problem.orders {
            #expect(try database.workOrder(order.number)?.order.status == reference.workOrder(order.number)?.order.status, "\(order.number)")
        }
        let entries = try database.ledger().filter { $0.source == .technicianDevice }
        let distinct = Set(devices.flatMap { $0.made.compactMap { mutation -> String? in
            guard mutation.name == "stock.consume", case .string(let id)? = mutation.args["entryId"] else { return nil }
            return id
        } })
        #expect(entries.count == distinct.count, "one ledger entry per distinct entryId")
        #expect(Set(entries.map(\.idempotencyKey)) == distinct)
        #expect(try database.balances() == reference.balances())
        #expect(try database.exceptions().map(\.kind) == reference.exceptions().map(\.kind))
        for device in devices {
            let owner = try database.deviceOwner(device.id)
            #expect(owner == device.technician)
        }
    }
}
