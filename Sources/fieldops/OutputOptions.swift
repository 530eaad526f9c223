import ArgumentParser
import FieldOpsReports
import Foundation

/// Flags every printing command shares.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Plain text without colors (also when NO_COLOR is set or output is not a terminal).")
    var noColor = false

    var style: TerminalStyle {
        TerminalStyle(colors: !noColor && Terminal.isInteractive(fileDescriptor: STDOUT_FILENO)
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }
}

enum Terminal {
    static func isInteractive(fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
