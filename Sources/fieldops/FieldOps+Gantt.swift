import ArgumentParser
import FieldOpsModel
import FieldOpsReports
import FieldOpsScheduler
import Foundation

extension FieldOps {
    struct Gantt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The plan as a Gantt-style board per technician: one day, the week, or a Mermaid document.")
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, mermaid }

        @Argument(help: "The plan (JSON).") var plan: String
        @Option(help: "The day (YYYY-MM-DD); default: today when the plan covers it, else its first day.") var day: String?
        @Flag(help: "One block per day of the horizon.") var week = false
        @Option(help: "Line width in columns (default: the terminal's, or 120).") var width: Int?
        @Option(help: "Minutes per cell (default: the finest that fits).") var cell: Int?
        @Option(help: "text or mermaid.") var format: Format = .text
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let day, LocalDate(day) == nil { throw ValidationError("--day must be YYYY-MM-DD") }
            if let width, width < 40 { throw ValidationError("--width must be at least 40") }
            if let cell, !(1...240).contains(cell) { throw ValidationError("--cell must be 1 to 240 minutes") }
        }

        func run() async throws {
            try await reportingFailures {
                let loaded = try loadPlan(plan)
                let zone = loaded.problem.horizon.timeZone
                let today = zone.local(Instant(Date())).date
                let chosen = day.flatMap { LocalDate($0) }
                    ?? (loaded.problem.horizon.dates.contains(today) ? today : loaded.problem.horizon.start)
                if format == .mermaid {
                    print(MermaidGantt(plan: loaded, day: week ? nil : chosen).render(), terminator: "")
                    return
                }
                let columns = width ?? Terminal.columns() ?? 120
                let lines = week
                    ? GanttWeek(plan: loaded, width: columns).render(style: output.style)
                    : GanttBoard(plan: loaded, day: chosen, width: columns, cellMinutes: cell, now: Instant(Date())).render(style: output.style)
                for line in lines { print(line) }
            }
        }
    }
}

extension Terminal {
    /// The terminal's width, when standard output is one.
    static func columns() -> Int? {
        guard isInteractive(fileDescriptor: STDOUT_FILENO) else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
