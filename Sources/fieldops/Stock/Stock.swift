import ArgumentParser
import FieldOpsInventory
import FieldOpsModel
import FieldOpsStore
import Foundation

extension FieldOps {
    struct Stock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Spare-parts stock: movements on the append-only ledger, balances, value, replenishment.",
            discussion: "Every command works on the SQLite database given with --db (created on first use). Start with `fieldops stock setup --db DB --problem PROBLEM.json --warehouse WH-CENTRAL`.",
            subcommands: [
                Setup.self, Receive.self, Transfer.self, Consume.self, Return.self, Scrap.self, Adjust.self, Reverse.self,
                Reserve.self, Release.self, Balance.self, Ledger.self, Value.self, Discrepancies.self, Replenish.self,
                ReorderPoint.self, Reorder.self,
            ])
    }
}

/// `--db`, shared by every stock command.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The SQLite database file (created on first use).") var db: String

    func open() throws -> AppDatabase {
        do {
            return try AppDatabase.open(path: db)
        } catch {
            throw CommandFailure("\(db): cannot open the database: \(error)")
        }
    }
}

/// Who records a movement and under which key; the key makes retrying a command safe.
struct PostingOptions: ParsableArguments {
    @Option(help: "Idempotency key: the same key again returns the first entry instead of a second one (default: a new UUID).")
    var key: String?
    @Option(help: "Who records it (default: $USER).") var actor: String?

    func context() -> PostingContext {
        PostingContext(
            idempotencyKey: key ?? UUID().uuidString.lowercased(),
            actor: actor ?? ProcessInfo.processInfo.environment["USER"] ?? "cli", source: .dispatcher, time: Instant(Date()))
    }
}

extension AsyncParsableCommand {
    /// Posts a movement and prints the entry, or the refusal as a clear error.
    func postMovement(_ movement: StockMovement, database: DatabaseOptions, posting: PostingOptions) throws {
        let result: PostingResult
        do {
            result = try database.open().post(movement, context: posting.context())
        } catch let error as InventoryError {
            throw CommandFailure("refused (\(error.code)): \(error.message)")
        }
        let entry = result.entry
        let what = "\(entry.kind.rawValue) \(entry.quantity) \(entry.partId) \(entry.from) → \(entry.to)"
        print(result.duplicate ? "entry \(entry.id) already recorded under this key: \(what)" : "entry \(entry.id): \(what) at \(Money.text(entry.unitCost)) each")
        if let discrepancy = result.raisedDiscrepancy {
            print("discrepancy \(discrepancy.id) raised: \(discrepancy.location) holds \(discrepancy.balance) of \(discrepancy.partId); count it")
        }
    }
}

enum Money {
    /// Minor units as `12.50`.
    static func text(_ minor: Int) -> String {
        let sign = minor < 0 ? "-" : ""
        let magnitude = abs(minor)
        return "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
    }
}

/// Refuses an option outside its range (`InputLimits`) before anything is opened: `--quantity must be between …`.
func checkOption(_ value: Int, _ range: ClosedRange<Int>, _ name: String) throws {
    guard range.contains(value) else { throw ValidationError("--\(name) " + InputLimits.outOfRange(value, range)) }
}
