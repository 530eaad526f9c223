import FieldOpsInventory
import FieldOpsModel
import FieldOpsStore
import Foundation
import Testing

@Suite struct LedgerPropertyTests {
    enum Operation {
        case post(StockMovement, PostingContext)
        case reserve(WorkOrderNumber, PartID, LocationID, Int)
        case release(WorkOrderNumber)
    }

    /// A random operation, drawn with the book's current state so that most of them are valid.
    static func operation(_ random: inout SeededGenerator, step: Int, book: MemoryBook, keys: [String]) -> Operation {
        let time = Instant(rfc3339: "2026-11-23T06:00:00Z")!.adding(minutes: step)
        let context = PostingContext(idempotencyKey: "k\(step)", actor: "tester", source: .dispatcher, time: time)
        let part = World.parts.randomElement(using: &random)!
        let quantity = part.serialized ? 1 : Int.random(in: 1...8, using: &random)
        let warehouse = World.warehouses.randomElement(using: &random)!
        let van = World.vans.randomElement(using: &random)!
        let anywhere = (World.warehouses + World.vans).randomElement(using: &random)!
        let order = World.orders.randomElement(using: &random)!
        func serial(at location: LocationID?) -> String? {
            guard part.serialized else { return nil }
            let held = book.snapshot().serials.filter { location == nil || $0.value == location }.keys
                .filter { $0.hasPrefix("\(part.id)/") }.map { String($0.dropFirst(part.id.rawValue.count + 1)) }.sorted()
            if random.chance(0.85), let pick = held.randomElement(using: &random) { return pick }
            return "SN-\(Int.random(in: 1...30, using: &random))"
        }
        switch random.weightedIndex([25, 18, 20, 5, 5, 5, 8, 7, 3, 4]) {
        case 0:
            let cost = Int.random(in: 100...30_000, using: &random)
            let newSerial = part.serialized ? "SN-\(Int.random(in: 1...30, using: &random))" : nil
            return .post(.receive(part: part.id, to: random.chance(0.9) ? warehouse : van, quantity: quantity, unitCost: cost, serial: newSerial), context)
        case 1:
            let from = random.chance(0.6) ? warehouse : van
            let to = from == warehouse ? van : (random.chance(0.5) ? warehouse : World.vans.randomElement(using: &random)!)
            return .post(.transfer(part: part.id, from: from, to: to, quantity: quantity, serial: serial(at: from)), context)
        case 2:
            return .post(.consume(part: part.id, van: van, quantity: quantity, workOrder: order, serial: serial(at: van)), context)
        case 3:
            return .post(.returnDefective(part: part.id, van: van, quantity: quantity, workOrder: order, serial: serial(at: "CONSUMED")), context)
        case 4:
            return .post(.scrap(part: part.id, from: anywhere, quantity: quantity, serial: serial(at: anywhere)), context)
        case 5:
            return .post(.adjust(part: part.id, location: anywhere, counted: Int.random(in: 0...20, using: &random)), context)
        case 6:
            let count = book.repository.entries.count
            return .post(.reverse(entry: Int64(Int.random(in: 1...max(1, count + 1), using: &random))), context)
        case 7:
            return .reserve(order, part.id, anywhere, quantity)
        case 8:
            return .release(order)
        default:
            // Replay an earlier movement under its key: must return the same entry, not a second one.
            guard let key = keys.randomElement(using: &random), let earlier = book.repository.entry(idempotencyKey: key) else {
                return .release(order)
            }
            let replay = PostingContext(idempotencyKey: key, actor: "tester", source: .technicianDevice, time: time)
            switch earlier.kind {
            case .consume: return .post(.consume(part: earlier.partId, van: earlier.from, quantity: earlier.quantity, workOrder: earlier.workOrder!, serial: earlier.serial), replay)
            case .reversal: return .post(.reverse(entry: earlier.reverses!), replay)
            default: return .post(.transfer(part: earlier.partId, from: earlier.from, to: earlier.to, quantity: earlier.quantity, serial: earlier.serial), replay)
            }
        }
    }

    static func perform<B: StockBook>(_ operation: Operation, on book: inout B) -> String {
        do {
            switch operation {
            case .post(let movement, let context):
                let result = try book.post(movement, context)
                return "entry \(result.entry.id) duplicate \(result.duplicate) raised \(result.raisedDiscrepancy?.id ?? 0)"
            case .reserve(let order, let part, let location, let quantity):
                try book.reserve(order, part, location, quantity)
                return "reserved"
            case .release(let order):
                try book.release(order)
                return "released"
            }
        } catch let error as InventoryError {
            return "refused \(error.code)"
        } catch {
            return "failed \(error)"
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func invariantsHoldOnEveryBackend(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var memory = MemoryBook()
        var sqliteMemory = try SQLiteBook(AppDatabase.inMemory())
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(seed)-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        var sqliteFile = try SQLiteBook(AppDatabase.open(path: file))
        var keys: [String] = []
        var outcomes: [String: Int] = [:]
        for step in 0..<400 {
            let operation = Self.operation(&random, step: step, book: memory, keys: keys)
            let outcome = Self.perform(operation, on: &memory)
            #expect(Self.perform(operation, on: &sqliteMemory) == outcome, "step \(step): SQLite in memory differs")
            #expect(Self.perform(operation, on: &sqliteFile) == outcome, "step \(step): SQLite file differs")
            if case .post(_, let context) = operation, outcome.hasPrefix("entry") { keys.append(context.idempotencyKey) }
            outcomes[String(outcome.split(separator: " ").prefix(2).joined(separator: " ")), default: 0] += 1
            if step % 50 == 49 { try LedgerInvariants.check(memory.snapshot(), parts: World.parts) }
        }
        let final = memory.snapshot()
        try LedgerInvariants.check(final, parts: World.parts)
        #expect(try sqliteMemory.snapshot() == final)
        #expect(try sqliteFile.snapshot() == final)
        // The run exercised the rules, not only the happy path.
        #expect(final.entries.count > 150)
        #expect(final.entries.contains { $0.kind == .reversal })
        #expect(final.discrepancies.contains { $0.closedBy != nil } || final.discrepancies.contains { $0.isOpen })
        #expect(outcomes.keys.contains { $0.hasPrefix("refused") })
    }
}

/// The ledger's invariants, checked from a snapshot by recomputing everything from the entries.
enum LedgerInvariants {
    struct Breach: Error, CustomStringConvertible { var description: String }

    static func check(_ book: BookSnapshot, parts: [Part]) throws {
        func fail(_ message: String) throws { throw Breach(description: message) }
        // Balances are the sum of their entries, and every part sums to zero over all locations.
        var fromEntries: [String: Int] = [:]
        for entry in book.entries {
            fromEntries["\(entry.partId)|\(entry.from)", default: 0] -= entry.quantity
            fromEntries["\(entry.partId)|\(entry.to)", default: 0] += entry.quantity
        }
        let stored = Dictionary(uniqueKeysWithValues: book.balances.map { ("\($0.partId)|\($0.location)", $0) })
        for (key, quantity) in fromEntries where quantity != (stored[key]?.onHand ?? 0) {
            try fail("balance \(key) is \(stored[key]?.onHand ?? 0), entries sum to \(quantity)")
        }
        for (key, balance) in stored where balance.onHand != (fromEntries[key] ?? 0) {
            try fail("balance \(key) has no entries behind it")
        }
        for part in parts {
            let sum = book.balances.filter { $0.partId == part.id }.reduce(0) { $0 + $1.onHand }
            if sum != 0 { try fail("\(part.id) sums to \(sum) over all locations") }
        }
        // Warehouses never go below zero available; reservations add up.
        for balance in book.balances where balance.location.rawValue.hasPrefix("WH") && (balance.available < 0 || balance.reserved < 0) {
            try fail("warehouse balance \(balance) below zero")
        }
        var reserved: [String: Int] = [:]
        for reservation in book.reservations { reserved["\(reservation.partId)|\(reservation.location)", default: 0] += reservation.quantity }
        for balance in book.balances where balance.reserved != (reserved["\(balance.partId)|\(balance.location)"] ?? 0) {
            try fail("reserved \(balance.reserved) at \(balance.location) for \(balance.partId) ≠ reservations")
        }
        // Keys are unique; a reversal cancels its entry exactly; an entry is reversed at most once.
        if Set(book.entries.map(\.idempotencyKey)).count != book.entries.count { try fail("an idempotency key was used twice") }
        let byId = Dictionary(uniqueKeysWithValues: book.entries.map { ($0.id, $0) })
        var reversed = Set<Int64>()
        for entry in book.entries where entry.kind == .reversal {
            guard let original = entry.reverses.flatMap({ byId[$0] }) else { try fail("reversal \(entry.id) names nothing"); continue }
            if !reversed.insert(original.id).inserted { try fail("entry \(original.id) reversed twice") }
            if original.partId != entry.partId || original.quantity != entry.quantity || original.from != entry.to
                || original.to != entry.from || original.unitCost != entry.unitCost {
                try fail("reversal \(entry.id) does not cancel entry \(original.id)")
            }
        }
        // Valuation, recomputed slowly from the ledger.
        let standard = Dictionary(uniqueKeysWithValues: parts.map { ($0.id, $0.standardCost) })
        var state: [PartID: (quantity: Int, value: Int, average: Int)] = [:]
        let real: (LocationID) -> Bool = { $0.rawValue.hasPrefix("WH") || $0.rawValue.hasPrefix("V") }
        for entry in book.entries {
            var current = state[entry.partId] ?? (0, 0, standard[entry.partId]!)
            if entry.kind != .receive && entry.kind != .reversal && entry.unitCost != current.average {
                try fail("entry \(entry.id) stamped \(entry.unitCost), moving average was \(current.average)")
            }
            if !real(entry.from) && real(entry.to) {
                current.quantity += entry.quantity
                current.value += entry.quantity * entry.unitCost
            } else if real(entry.from) && !real(entry.to) {
                current.quantity -= entry.quantity
                current.value -= entry.quantity * entry.unitCost
            }
            if current.quantity > 0 {
                current.average = Int((Double(current.value) / Double(current.quantity)).rounded())
            } else {
                current.value = current.quantity * current.average
            }
            if entry.averageCostAfter != current.average { try fail("entry \(entry.id) average after \(entry.averageCostAfter) ≠ \(current.average)") }
            state[entry.partId] = current
        }
        for valuation in book.valuations {
            guard let expected = state[valuation.partId] else { try fail("valuation of \(valuation.partId) without entries"); continue }
            if (valuation.quantity, valuation.value, valuation.averageCost) != (expected.quantity, expected.value, expected.average) {
                try fail("valuation \(valuation) ≠ recomputed \(expected)")
            }
            let onHand = book.balances.filter { $0.partId == valuation.partId && real($0.location) }.reduce(0) { $0 + $1.onHand }
            if onHand != valuation.quantity { try fail("valued quantity \(valuation.quantity) ≠ stock on hand \(onHand)") }
        }
        // A serial is where its last entry took it, and only there; at most one open discrepancy per van and part,
        // and every van below zero has one.
        var open = Set<String>()
        for discrepancy in book.discrepancies where discrepancy.isOpen {
            if !open.insert("\(discrepancy.location)|\(discrepancy.partId)").inserted { try fail("two open discrepancies for \(discrepancy.location) \(discrepancy.partId)") }
        }
        for balance in book.balances where balance.location.rawValue.hasPrefix("V") && balance.onHand < 0
            && !open.contains("\(balance.location)|\(balance.partId)") {
            try fail("van \(balance.location) holds \(balance.onHand) of \(balance.partId) without an open discrepancy")
        }
    }
}
