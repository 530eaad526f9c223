import FieldOpsInventory
import FieldOpsModel
import FieldOpsStore
import Foundation
import GRDB

/// Posts 1,000,000 ledger entries into a SQLite file in batched transactions through the full ledger rules, then
/// times balance look-ups, and reports the file size. The peer in the same run: the same number of plain rows
/// inserted into a one-table SQLite file with the same settings and batch size (the ceiling for this machine).
/// Usage: swift run -c release LedgerBenchmark [--entries N] [--batch N]

func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count,
          let value = Int(CommandLine.arguments[index + 1]) else { return fallback }
    return value
}
let total = option("--entries", 1_000_000)
let batchSize = option("--batch", 5_000)
let clock = ContinuousClock()
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}
func progress(_ text: String) { FileHandle.standardError.write(Data("\r\(text)   ".utf8)) }

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fieldops-ledger-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

// The stock book: 200 parts, 10 warehouses, 300 vans.
let parts = (1...200).map { Part(id: PartID(rawValue: "P\($0)"), name: "Part \($0)", standardCost: 100 * $0) }
let warehouses = (1...10).map { StockLocation(id: LocationID(rawValue: "WH\($0)"), kind: .warehouse, name: "Warehouse \($0)") }
let vans = (1...300).map { StockLocation(id: LocationID(rawValue: "V\($0)"), kind: .van, name: "Van \($0)") }
let path = directory.appendingPathComponent("ledger.sqlite").path
let database = try AppDatabase.open(path: path)
try database.setUpStock(parts: parts, locations: warehouses + vans)

// A realistic mix: receipts into warehouses, transfers to vans, consumption from vans.
var random = SeededGenerator(seed: 1)
let start = Instant(rfc3339: "2026-01-01T00:00:00Z")!
var posted = 0
var refused = 0
let postSeconds = try seconds {
    while posted + refused < total {
        var batch: [(StockMovement, PostingContext)] = []
        batch.reserveCapacity(batchSize)
        for _ in 0..<min(batchSize, total - posted - refused) {
            let n = posted + refused + batch.count
            let part = parts[Int.random(in: 0..<parts.count, using: &random)].id
            let warehouse = warehouses[Int.random(in: 0..<warehouses.count, using: &random)].id
            let van = vans[Int.random(in: 0..<vans.count, using: &random)].id
            let context = PostingContext(idempotencyKey: "e\(n)", actor: "bench", source: .system, time: start.adding(seconds: Int64(n)))
            let movement: StockMovement
            switch n % 10 {
            case 0, 1, 2: movement = .receive(part: part, to: warehouse, quantity: 20, unitCost: Int.random(in: 100...20_000, using: &random), serial: nil)
            case 3, 4, 5: movement = .transfer(part: part, from: warehouse, to: van, quantity: 3, serial: nil)
            default: movement = .consume(part: part, van: van, quantity: 1, workOrder: WorkOrderNumber(rawValue: "202601\(String(format: "%06d", n % 999_999 + 1))"), serial: nil)
            }
            batch.append((movement, context))
        }
        for result in try database.post(batch: batch) {
            if case .success = result { posted += 1 } else { refused += 1 }
        }
        if (posted + refused) % 50_000 == 0 { progress("\(posted + refused) of \(total)") }
    }
}
FileHandle.standardError.write(Data("\r".utf8))
let rate = Double(posted + refused) / postSeconds

// Balance look-ups afterwards.
var lookups: [Double] = []
for index in 0..<2_000 {
    let part = parts[index % parts.count].id
    let location = index % 2 == 0 ? warehouses[index % warehouses.count].id : vans[index % vans.count].id
    lookups.append(try seconds { _ = try database.balance(part: part, location: location) })
}
lookups.sort()
let median = lookups[lookups.count / 2] * 1000
let p99 = lookups[lookups.count * 99 / 100] * 1000
let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0

// The ceiling: plain inserts of the same number of rows, same settings and batch size.
var configuration = Configuration()
configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
let rawPool = try DatabasePool(path: directory.appendingPathComponent("raw.sqlite").path, configuration: configuration)
try rawPool.write { db in
    try db.execute(sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY, key TEXT UNIQUE, part TEXT, location TEXT, quantity INTEGER)")
}
let rawSeconds = try seconds {
    var written = 0
    while written < total {
        let count = min(batchSize, total - written)
        try rawPool.write { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO rows (key, part, location, quantity) VALUES (?, ?, ?, ?)")
            for n in written..<(written + count) {
                try statement.execute(arguments: ["e\(n)", "P\(n % 200)", "V\(n % 300)", 1])
            }
        }
        written += count
    }
}
let rawRate = Double(total) / rawSeconds

print("| measure | value | target | ratio |")
print("|---|---|---|---|")
print(String(format: "| ledger postings (%d posted, %d refused by the rules), batches of %d | %.0f entries/s | ≥ 20000 | %.2f × target |", posted, refused, batchSize, rate, rate / 20_000))
print(String(format: "| plain SQLite inserts, same file settings and batches (ceiling) | %.0f rows/s | | ledger = %.2f × ceiling |", rawRate, rate / rawRate))
print(String(format: "| balance look-up after %d entries, median / p99 | %.3f / %.3f ms | < 1 ms | %.2f × target |", total, median, p99, p99 / 1))
print(String(format: "| database size | %.0f MB (+ %.0f MB WAL) | | %.0f bytes per entry |", Double(size) / 1e6, Double(walSize) / 1e6, Double(size) / Double(max(1, total))))
