import ArgumentParser
import FieldOpsInventory
import FieldOpsModel

extension FieldOps.Stock {
    struct Reverse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Correct an entry by posting its reversal (an entry is reversed at most once).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The entry to reverse.") var entry: Int64
        @OptionGroup var posting: PostingOptions

        func run() async throws {
            try await reportingFailures {
                try postMovement(.reverse(entry: entry), database: database, posting: posting)
            }
        }
    }
}
