import ArgumentParser
import FieldOpsModel
import FieldOpsStore
import Foundation

extension FieldOps {
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bearer tokens for devices and dispatchers.", subcommands: [Issue.self])

        struct Issue: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print a new token once (only its hash is stored).")
            @OptionGroup var database: DatabaseOptions
            @Option(help: "The technician whose devices use it.") var technician: String?
            @Flag(help: "A dispatcher's token instead.") var dispatcher = false

            func validate() throws {
                guard (technician == nil) == dispatcher else {
                    throw ValidationError("give --technician ID or --dispatcher")
                }
            }

            func run() async throws {
                try await reportingFailures {
                    do {
                        print(try database.open().issueToken(technician: technician.map(TechnicianID.init(rawValue:)), at: Instant(Date())))
                    } catch let error as StoreError {
                        throw CommandFailure("refused (\(error.code)): \(error.message)")
                    }
                }
            }
        }
    }
}
