import AsyncHTTPClient
import FieldOpsModel
import FieldOpsServer
import FieldOpsStore
import FieldOpsSync
import Foundation
import GRDB
import Hummingbird
import Logging
import NIOCore

/// 200 simulated devices against `fieldops serve`'s application on loopback: each pushes batches of 20 mutations
/// (notes, parts used, status changes) and pulls, for a fixed time. Reports mutations applied per second and push
/// latency, beside the raw rate of single-row SQLite transactions on the same machine and file settings (the
/// ceiling for one-transaction-per-request writes).
/// Usage: swift run -c release SyncLoadBenchmark [--devices N] [--seconds S]

func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count,
          let value = Int(CommandLine.arguments[index + 1]) else { return fallback }
    return value
}
let deviceCount = option("--devices", 200)
let seconds = Double(option("--seconds", 20))
let batchSize = 20
let port = 28_000 + Int.random(in: 0..<1000)

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fieldops-sync-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

// The company: one technician per device, ten orders each.
var problem = ProblemGenerator(.init(technicians: deviceCount, orders: deviceCount * 10, days: 1, seed: 3)).generate()
for index in problem.orders.indices {
    problem.orders[index].status = .new
    problem.orders[index].lock = nil
}
let database = try AppDatabase.open(path: directory.appendingPathComponent("fieldops.sqlite").path)
let now = Instant(Date())
_ = try database.importProblem(problem, at: now)
var tokens: [String] = []
var ordersOf: [[String]] = Array(repeating: [], count: deviceCount)
for (index, order) in problem.orders.enumerated() {
    let technician = index % deviceCount
    _ = try database.assign(order.number, to: problem.technicians[technician].id, actor: "bench", at: now)
    ordersOf[technician].append(order.number.rawValue)
}
for technician in problem.technicians { tokens.append(try database.issueToken(technician: technician.id, at: now).token) }
let parts = problem.parts.filter { !$0.serialized }.map(\.id.rawValue)
let deviceOrders = ordersOf
let deviceTokens = tokens

var logger = Logger(label: "bench")
logger.logLevel = .error
let app = buildApplication(database: database, configuration: ServerConfiguration(port: port), logger: logger)
let serverTask = Task { try await app.runService(gracefulShutdownSignals: []) }

let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: deviceCount)))
func post(_ path: String, token: String, body: Data) async throws -> (Int, Data) {
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
    request.method = .POST
    request.headers.add(name: "Authorization", value: "Bearer \(token)")
    request.headers.add(name: "Content-Type", value: "application/json")
    request.body = .bytes(ByteBuffer(data: body))
    let response = try await client.execute(request, timeout: .seconds(30))
    let bytes = try await response.body.collect(upTo: 16 * 1024 * 1024)
    return (Int(response.status.code), Data(buffer: bytes))
}
// Wait for the server.
for _ in 0..<100 {
    if (try? await post("/v1/sync/pull", token: tokens[0], body: try JSONEncoder().encode(PullRequest(deviceId: "warmup", limit: 1)))) != nil { break }
    try await Task.sleep(nanoseconds: 50_000_000)
}

struct DeviceStats: Sendable {
    var lastId: Int64 = 0
    var applied = 0
    var pushLatencies: [Double] = []
    var pullLatencies: [Double] = []
    var errors = 0
}

let clock = ContinuousClock()
func elapsed(since instant: ContinuousClock.Instant) -> Double {
    let duration = clock.now - instant
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs every device for `seconds`. With a `period`, each device pushes one batch per period (starting at a random
/// offset), as devices coming online do; without one, each pushes again as soon as it has pulled (saturation).
func run(seconds: Double, period: Double?, devicePrefix: String, cursors: [String?]) async -> (DeviceStats, Double) {
    let start = clock.now
    let stats = await withTaskGroup(of: DeviceStats.self) { group in
        for device in 0..<deviceCount {
            group.addTask {
                var stats = DeviceStats()
                var next: Int64 = 1
                var cursor: String? = cursors[device]
                var random = SystemRandomNumberGenerator()
                let orders = deviceOrders[device]
                var due = period.map { Double.random(in: 0..<$0, using: &random) } ?? 0
                while elapsed(since: start) < seconds {
                    if period != nil {
                        let wait = due - elapsed(since: start)
                        if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait * 1e9)) }
                        due += period!
                        if elapsed(since: start) >= seconds { break }
                    }
                    var mutations: [Mutation] = []
                    for _ in 0..<batchSize {
                        let order = orders.randomElement(using: &random)!
                        let args: [String: JSONValue]
                        let name: String
                        if next % 2 == 0 {
                            name = "workOrder.addNote"
                            args = ["workOrderId": .string(order), "noteId": .string("d\(device)-n\(next)"), "text": .string("checked at \(next)")]
                        } else {
                            name = "stock.consume"
                            args = ["workOrderId": .string(order), "entryId": .string("d\(device)-e\(next)"), "partId": .string(parts.randomElement(using: &random)!), "quantity": .number(1)]
                        }
                        mutations.append(Mutation(id: next, name: name, args: .object(args)))
                        next += 1
                    }
                    let body = try! JSONEncoder().encode(PushRequest(deviceId: "\(devicePrefix)-\(device)", mutations: mutations))
                    let pushStart = clock.now
                    guard let (status, data) = try? await post("/v1/sync/push", token: deviceTokens[device], body: body), status == 200,
                          let response = try? JSONDecoder().decode(PushResponse.self, from: data)
                    else {
                        stats.errors += 1
                        next -= Int64(batchSize)
                        continue
                    }
                    stats.pushLatencies.append(elapsed(since: pushStart))
                    stats.applied += response.outcomes.count
                    let pullStart = clock.now
                    let pullBody = try! JSONEncoder().encode(PullRequest(deviceId: "\(devicePrefix)-\(device)", cursor: cursor, limit: 500))
                    if let (status, data) = try? await post("/v1/sync/pull", token: deviceTokens[device], body: pullBody), status == 200,
                       let page = try? JSONDecoder().decode(PullResponse.self, from: data) {
                        cursor = page.cursor
                        stats.pullLatencies.append(elapsed(since: pullStart))
                    } else {
                        stats.errors += 1
                    }
                }
                stats.lastId = next - 1
                return stats
            }
        }
        var total = DeviceStats()
        for await device in group {
            total.applied += device.applied
            total.pushLatencies += device.pushLatencies
            total.pullLatencies += device.pullLatencies
            total.errors += device.errors
            total.lastId = max(total.lastId, device.lastId)
        }
        return total
    }
    return (stats, elapsed(since: start))
}

// Paced at the target rate first (each device pushes 20 mutations every 2 s: 2,000 mutations/s offered), then
// saturated to find the capacity.
let period = Double(deviceCount * batchSize) / 2_000
// Every device primes first (its whole scope), as it would when installed; that is not what is measured.
let primed: [String?] = await withTaskGroup(of: (Int, String?).self) { group in
    for device in 0..<deviceCount {
        group.addTask {
            var cursor: String?
            for _ in 0..<100 {
                let body = try! JSONEncoder().encode(PullRequest(deviceId: "paced-\(device)", cursor: cursor, limit: 500))
                guard let (_, data) = try? await post("/v1/sync/pull", token: deviceTokens[device], body: body),
                      let page = try? JSONDecoder().decode(PullResponse.self, from: data) else { return (device, cursor) }
                cursor = page.cursor
                if !page.hasMore { break }
            }
            return (device, cursor)
        }
    }
    var cursors = [String?](repeating: nil, count: deviceCount)
    for await (device, cursor) in group { cursors[device] = cursor }
    return cursors
}
let (paced, _) = await run(seconds: seconds, period: period, devicePrefix: "paced", cursors: primed)
let pacedDuration = seconds
// Saturation, with a second device per technician (mutation ids start again at 1 on a new device).
let (saturated, saturatedDuration) = await run(seconds: seconds / 2, period: nil, devicePrefix: "saturated", cursors: primed)
try await client.shutdown()
serverTask.cancel()

// The ceiling: single-row write transactions on a file with the server's settings (synchronous = FULL), and the
// same with NORMAL, the setting before durability across power loss was required: the price of that promise.
func ceiling(synchronous: String) throws -> Double {
    // Set on the writer after opening: GRDB turns WAL on with synchronous = NORMAL after `prepareDatabase`.
    let raw = try DatabasePool(path: directory.appendingPathComponent("raw-\(synchronous).sqlite").path)
    try raw.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(synchronous)") }
    try raw.write { db in try db.execute(sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY, key TEXT UNIQUE, value TEXT)") }
    var count = 0
    let start = clock.now
    while elapsed(since: start) < 3 {
        try raw.write { db in try db.execute(sql: "INSERT INTO rows (key, value) VALUES (?, ?)", arguments: ["k\(count)", "v"]) }
        count += 1
    }
    return Double(count) / elapsed(since: start)
}
let rawRate = try ceiling(synchronous: "FULL")
let normalRate = try ceiling(synchronous: "NORMAL")

func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000
}
let pacedRate = Double(paced.applied) / pacedDuration
let capacity = Double(saturated.applied) / saturatedDuration
print("| measure | value | target | ratio |")
print("|---|---|---|---|")
print(String(format: "| mutations applied per second, %d devices each pushing %d every %.1f s and pulling (%.0f s, %d pushes, %d errors) | %.0f | ≥ 2000 | %.2f × target |", deviceCount, batchSize, period, pacedDuration, paced.pushLatencies.count, paced.errors, pacedRate, pacedRate / 2000))
print(String(format: "| … push latency p50 / p99 at that load | %.1f / %.1f ms | p99 < 100 ms | %.2f × target |", percentile(paced.pushLatencies, 0.5), percentile(paced.pushLatencies, 0.99), percentile(paced.pushLatencies, 0.99) / 100))
print(String(format: "| … pull latency p50 / p99 at that load | %.1f / %.1f ms | | |", percentile(paced.pullLatencies, 0.5), percentile(paced.pullLatencies, 0.99)))
print(String(format: "| capacity: every device pushing again as soon as it pulled (%.0f s, %d errors) | %.0f mutations/s | | %.2f × target rate |", saturatedDuration, saturated.errors, capacity, capacity / 2000))
print(String(format: "| … push latency p50 / p99 when saturated (200 requests always queued) | %.1f / %.1f ms | | |", percentile(saturated.pushLatencies, 0.5), percentile(saturated.pushLatencies, 0.99)))
print(String(format: "| single-row SQLite write transactions per second, the server's settings: WAL, synchronous=FULL (ceiling) | %.0f | | capacity = %.2f × ceiling in mutations, %.3f × in pushes |", rawRate, capacity / rawRate, capacity / Double(batchSize) / rawRate))
print(String(format: "| … the same with synchronous=NORMAL (not durable across power loss) | %.0f | | FULL ÷ NORMAL = %.2f |", normalRate, rawRate / normalRate))
exit(0)
