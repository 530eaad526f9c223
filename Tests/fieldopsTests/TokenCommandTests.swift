import Foundation
import Testing

/// `fieldops token issue | list | revoke` as an administrator uses them on the database file.
extension CommandLineTests {
    @Test func tokensAreListedWithoutSecretsAndRevokedByIdOrTechnician() throws {
        let directory = try temporaryDirectory()
        let database = directory.appendingPathComponent("fieldops.sqlite").path
        #expect(try run(["import", "--db", database, "data/demo/problem.json"]).status == 0)
        let first = try run(["token", "issue", "--db", database, "--technician", "T001", "--valid-days", "30"])
        #expect(first.status == 0, "\(first.stderr)")
        let secret = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("fo_"))
        let id = try #require(first.stderr.split(separator: " ").dropFirst().first.map(String.init), "the token's id on standard error")
        #expect(try run(["token", "issue", "--db", database, "--technician", "T001"]).status == 0)
        #expect(try run(["token", "issue", "--db", database, "--technician", "T001", "--valid-days", "0"]).status != 0)
        let list = try run(["token", "list", "--db", database])
        #expect(list.status == 0)
        #expect(list.stdout.contains(id) && !list.stdout.contains(secret), "ids, never secrets")
        #expect(list.stdout.split(separator: "\n").filter { $0.contains("active") }.count == 2)
        let revoked = try run(["token", "revoke", "--db", database, id])
        #expect(revoked.status == 0)
        #expect(revoked.stdout.contains("revoked \(id)"))
        #expect(try run(["token", "revoke", "--db", database, id]).status == 1, "a token is revoked once")
        let lost = try run(["token", "revoke", "--db", database, "--technician", "T001"])
        #expect(lost.stdout.split(separator: "\n").count == 1, "the one still active")
        let after = try run(["token", "list", "--db", database, "--json"])
        #expect(after.stdout.components(separatedBy: "revokedAt").count - 1 == 2)
        expectNoCrash(lost)
    }
}
