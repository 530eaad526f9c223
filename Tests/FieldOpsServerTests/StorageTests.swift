import FieldOpsModel
import FieldOpsServer
@testable import FieldOpsStore
import FieldOpsSync
import FieldOpsTestSupport
import Foundation
import GRDB
import Testing

/// What the server promises about its disk: an acknowledged push survives a power loss, and a full disk is said as
/// such, with nothing applied.
@Suite struct StorageTests {
    @Test func commitsAreSyncedToDiskBeforeTheyAreAcknowledged() async throws {
        let (database, _) = try SyncFixture.file()
        let mode = try await database.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(mode == 2, "synchronous = FULL (2): WAL with NORMAL (1) can lose the last commits on power loss")
    }

    @Test func aFullDiskIsA503ThatSaysSoAndNothingIsApplied() async throws {
        let (database, _) = try SyncFixture.file()
        let order = SyncFixture.problem.orders[0].number
        _ = try await database.assign(order, to: "T001", actor: "anna", at: SyncFixture.now)
        let token = try await database.issueToken(technician: "T001", at: SyncFixture.now).token
        _ = try await database.pull(PullRequest(deviceId: "d1"), technician: "T001", at: SyncFixture.now)
        // SQLite answers "database or disk is full" once the file may not grow: as on a full disk.
        try await database.writer.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 1
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        let text = String(repeating: "a long note that needs new pages ", count: 200)
        let mutations = (1...8).map { SyncFixture.note(Int64($0), noteId: "n\($0)", order, text) }
        try await LiveServer.run(database) { client in
            let reply = try await client.post("/v1/sync/push", token: token, PushRequest(deviceId: "d1", mutations: mutations))
            #expect(reply.status == .serviceUnavailable)
            #expect(reply.errorCode == "storage_full")
            let message = (try? reply.decode(SyncErrorBody.self))?.error.message ?? ""
            #expect(message.contains("disk is full") && message.contains("nothing was applied"), "\(message)")
        }
        #expect(try database.lastMutation("d1") == 0, "nothing applied")
    }
}
