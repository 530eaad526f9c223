import ArgumentParser
import FieldOpsModel
import FieldOpsReports
import FieldOpsStore
import Foundation

extension FieldOps {
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bearer tokens for devices and dispatchers: issue, list, revoke.", subcommands: [Issue.self, List.self, Revoke.self])

        struct Issue: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print a new token once (only its hash is stored).")
            @OptionGroup var database: DatabaseOptions
            @Option(help: "The technician whose devices use it.") var technician: String?
            @Flag(help: "A dispatcher's token instead.") var dispatcher = false
            @Option(help: "Days until it expires (1 to \(AppDatabase.maxTokenValidDays)).")
            var validDays = AppDatabase.defaultTokenValidDays

            func validate() throws {
                guard (technician == nil) == dispatcher else {
                    throw ValidationError("give --technician ID or --dispatcher")
                }
                guard (1...AppDatabase.maxTokenValidDays).contains(validDays) else {
                    throw ValidationError("--valid-days must be 1 to \(AppDatabase.maxTokenValidDays), is \(validDays)")
                }
            }

            func run() async throws {
                try await reportingFailures {
                    let issued = try refusingStoreErrors {
                        try database.open().issueToken(technician: technician.map(TechnicianID.init(rawValue:)), validDays: validDays, at: Instant(Date()))
                    }
                    print(issued.token)
                    StandardError.write(["token \(issued.info.id) expires \(issued.info.expiresAt?.rfc3339 ?? "never")"])
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Every token with its id, role, expiry and state (never the secret).")
            @OptionGroup var database: DatabaseOptions
            @Flag(help: "JSON instead of a table.") var json = false
            @OptionGroup var output: OutputOptions

            func run() async throws {
                try await reportingFailures {
                    let tokens = try database.open().tokens()
                    if json {
                        print(String(decoding: try ProblemFileWriter.data(tokens), as: UTF8.self), terminator: "")
                        return
                    }
                    let now = Instant(Date())
                    var table = TextTable(columns: [.init("Id"), .init("Role"), .init("Technician"), .init("Created"), .init("Expires"), .init("State")])
                    for token in tokens {
                        table.append([token.id, token.role, token.technicianId?.rawValue ?? "", token.createdAt.rfc3339,
                                      token.expiresAt?.rfc3339 ?? "never", token.state(at: now)])
                    }
                    for line in table.render(style: output.style) { print(line) }
                }
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Revoke one token by its id, or every token of a technician (a lost device); the next request with it gets 401.")
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The token's id, as `token list` shows it.") var id: String?
            @Option(help: "Revoke every token of this technician instead.") var technician: String?

            func validate() throws {
                guard (id == nil) != (technician == nil) else { throw ValidationError("give a token id or --technician ID") }
            }

            func run() async throws {
                try await reportingFailures {
                    let revoked = try refusingStoreErrors {
                        try database.open().revokeTokens(id: id, technician: technician.map(TechnicianID.init(rawValue:)), at: Instant(Date()))
                    }
                    for token in revoked { print("revoked \(token.id) (\(token.role)\(token.technicianId.map { " \($0)" } ?? ""))") }
                }
            }
        }
    }
}
