import ArgumentParser
import FieldOpsModel
import FieldOpsStore
import Foundation

/// A failure the user can act on: printed as lines on standard error, then exit status 1. Never a stack trace.
struct CommandFailure: Error {
    var lines: [String]

    init(_ lines: [String]) {
        self.lines = lines
    }

    init(_ message: String) {
        self.lines = [message]
    }

    init(file: String, _ error: ProblemFileError) {
        let errors = error.errors.count
        let warnings = error.issues.count - errors
        lines = error.issues.map { $0.formatted(file: file) }
        lines.append("\(file): \(errors) error\(errors == 1 ? "" : "s")\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""); nothing was written")
    }
}

enum StandardError {
    static func write(_ lines: [String]) {
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning a `CommandFailure` into its message and exit status 1.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CommandFailure {
            StandardError.write(failure.lines)
            throw ExitCode.failure
        }
    }
}

/// Reads a text file or fails with a message naming it.
func readTextFile(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandFailure("\(path): cannot read the file (does it exist?)")
    }
    guard let text = String(validating: Array(data), as: UTF8.self) else {
        throw CommandFailure("\(path):\(firstInvalidUTF8Line(Array(data))): not valid UTF-8 text (save the file as UTF-8)")
    }
    return text
}

func loadProblem(_ path: String) throws -> LoadedProblem {
    do {
        return try ProblemFileReader.load(contentsOf: path)
    } catch {
        throw CommandFailure(file: path, error)
    }
}

func writeFile(_ data: Data, to path: String) throws {
    do {
        try ProblemFileWriter.write(data, to: path)
    } catch {
        throw CommandFailure("\(path): cannot write the file: \(error.localizedDescription)")
    }
}

/// Runs a store call; a refusal becomes `refused (code): message` and a non-zero exit.
func refusingStoreErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw CommandFailure("refused (\(error.code.name)): \(error.message)")
    }
}

/// The line of the first byte sequence that is not UTF-8.
func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var line = 1
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
        case .emptyInput: return line
        case .error: return line
        }
    }
}
