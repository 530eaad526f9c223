import ArgumentParser
import FieldOpsModel
import FieldOpsReports

extension FieldOps {
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a problem file and print a one-screen summary of it.",
            discussion: "Every problem found is printed on its own line as FILE:LINE: PATH: MESSAGE; the exit status is 1 when there is an error.")

        @Argument(help: "The problem file (JSON).")
        var file: String

        @Flag(name: .long, help: "Print every warning, not only the first 20.")
        var allWarnings = false

        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let loaded = try loadProblem(file)
                let style = output.style
                for line in ProblemSummary(loaded.problem).render(style: style) { print(line) }
                let warnings = loaded.warnings
                if !warnings.isEmpty {
                    print("")
                    let shown = allWarnings ? warnings : Array(warnings.prefix(20))
                    for warning in shown { print(style.yellow(warning.formatted(file: file))) }
                    if shown.count < warnings.count {
                        print("… and \(warnings.count - shown.count) more warnings (--all-warnings prints them)")
                    }
                }
                print("")
                print(style.green("\(file): valid") + (warnings.isEmpty ? "" : " with \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"))
            }
        }
    }
}
