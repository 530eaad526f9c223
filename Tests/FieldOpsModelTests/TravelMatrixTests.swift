import FieldOpsModel
import Foundation
import Testing

/// Travel matrices are read straight into whole-number tables, inline or from side files, with every wrong entry
/// named by its place and line; a plan names its side files and their checksums instead of copying them.
@Suite struct TravelMatrixTests {
    /// The valid fixture (2 technicians, 2 orders: 4 locations) with `travel` set to this JSON object.
    func problem(travel: String) -> String {
        Fixtures.validProblemJSON.replacingOccurrences(of: "\"technicians\"", with: "\"travel\": \(travel),\n  \"technicians\"")
    }

    func issues(_ text: String, sideFilesFrom directory: String? = nil) -> [ProblemIssue] {
        do {
            _ = try ProblemFileReader.load(bytes: Array(text.utf8), sideFilesFrom: directory)
            Issue.record("expected the file to be refused")
            return []
        } catch {
            return error.issues
        }
    }

    func rows(_ size: Int, _ value: (Int, Int) -> String) -> String {
        "[" + (0..<size).map { a in "[" + (0..<size).map { b in value(a, b) }.joined(separator: ", ") + "]" }.joined(separator: ",\n") + "]"
    }

    /// A scratch folder, removed at the end of the test.
    func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldops-matrix-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    /// `values` as NumPy's `numpy.save` writes a little-endian float64 array of this shape.
    func npy(_ values: [Double], shape: (Int, Int), descr: String = "<f8") -> Data {
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(shape.0), \(shape.1)), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)])
        data.append(Data(header.utf8))
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    @Test func figuresBecomeWholeSecondsRoundedUpAndMetresRounded() throws {
        let travel = "{\"model\": \"matrix\", \"durations\": \(rows(4) { $0 == $1 ? "0" : "59.2" }), \"distances\": \(rows(4) { $0 == $1 ? "0" : "1e3" })}"
        let loaded = try ProblemFileReader.load(bytes: Array(problem(travel: travel).utf8))
        guard case .matrix(let matrix) = loaded.problem.travel else {
            Issue.record("expected a matrix")
            return
        }
        #expect(matrix.size == 4)
        #expect(matrix.seconds(0, 1) == 60)
        #expect(matrix.meters(2, 3) == 1000)
        #expect(matrix.seconds(3, 3) == 0)
    }

    @Test func everyWrongEntryIsNamedWithItsPlaceAndLine() {
        let durations = "[[0, 60, 60, 60],\n[60, 0, \"soon\", 60],\n[60, -5, 0],\n7]"
        let found = issues(problem(travel: "{\"model\": \"matrix\", \"durations\": \(durations)}"))
        let base = Fixtures.validProblemJSON.components(separatedBy: "\"technicians\"")[0].split(separator: "\n", omittingEmptySubsequences: false).count
        func expect(_ path: String, _ fragment: String, line: Int) {
            let match = found.first { $0.path == path && $0.message.contains(fragment) }
            #expect(match != nil, "no error at \(path) containing \(fragment) in \(found.map(\.description))")
            #expect(match?.line == base + line, "line of \(path)")
        }
        expect("travel.durations[1][2]", "must be a number, is a string", line: 1)
        expect("travel.durations[2][1]", "must be between 0 and 10000000, is -5", line: 2)
        expect("travel.durations[2]", "has 3 columns; the first row has 4", line: 2)
        expect("travel.durations[3]", "must be an array of numbers, is a number", line: 3)
    }

    @Test func aMatrixOfTheWrongSizeOrShapeIsRefused() {
        let small = issues(problem(travel: "{\"model\": \"matrix\", \"durations\": [[0, 1], [1, 0]]}"))
        #expect(small.contains { $0.path == "travel.durations" && $0.message.contains("has 2 rows; expected 4") })
        let tall = issues(problem(travel: "{\"model\": \"matrix\", \"durations\": [[0, 1], [1, 0], [1, 1]]}"))
        #expect(tall.contains { $0.path == "travel.durations" && $0.message.contains("must be square") })
        let notTable = issues(problem(travel: "{\"model\": \"matrix\", \"durations\": 5}"))
        #expect(notTable.contains { $0.path == "travel.durations" && $0.message.contains("expected an array of rows") })
        let missing = issues(problem(travel: "{\"model\": \"matrix\"}"))
        #expect(missing.contains { $0.path == "travel.durations" && $0.message.contains("missing") })
    }

    @Test func sideFilesAreReadFromTheProblemsFolderAndAPlanNamesThem() throws {
        try withFolder { folder in
            let seconds: [Double] = (0..<16).map { (k: Int) -> Double in k % 5 == 0 ? 0 : Double(100 + k) + 0.5 }
            try npy(seconds, shape: (4, 4)).write(to: URL(fileURLWithPath: folder + "/durations.npy"))
            try rows(4) { (a: Int, b: Int) -> String in a == b ? "0" : String(1000 * (a + b)) }.write(toFile: folder + "/distances.json", atomically: true, encoding: .utf8)
            let text = problem(travel: "{\"model\": \"matrix\", \"durationsFile\": \"durations.npy\", \"distancesFile\": \"distances.json\"}")
            try text.write(toFile: folder + "/problem.json", atomically: true, encoding: .utf8)
            let loaded = try ProblemFileReader.load(contentsOf: folder + "/problem.json")
            guard case .matrix(let matrix) = loaded.problem.travel else {
                Issue.record("expected a matrix")
                return
            }
            #expect(matrix.seconds(0, 1) == 102, "101.5 s rounds up")
            #expect(matrix.meters(1, 2) == 3000)
            #expect(matrix.files?.durations.path.hasSuffix("/durations.npy") == true)
            #expect(matrix.files?.durations.path.hasPrefix("/") == true, "an absolute path, whatever folder the plan is written to")

            // Written again (as a plan writes its problem), the matrix is named, not copied; read back, the same.
            let written = try ProblemFileWriter.data(loaded.problem)
            let json = String(decoding: written, as: UTF8.self)
            #expect(json.contains("durationsFile") && json.contains("durationsChecksum") && !json.contains("\"durations\""))
            let decoded = try JSONDecoder().decode(Problem.self, from: written)
            #expect(decoded == loaded.problem)

            // A side file that changed since is an error, not a different plan.
            var changed = seconds
            changed[1] = 999
            try npy(changed, shape: (4, 4)).write(to: URL(fileURLWithPath: folder + "/durations.npy"))
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Problem.self, from: written) }
        }
    }

    @Test func aSideFileIsRefusedInAnUploadAndWhenItIsWrong() throws {
        let upload = issues(problem(travel: "{\"model\": \"matrix\", \"durationsFile\": \"/etc/passwd\"}"))
        #expect(upload.contains { $0.path == "travel.durationsFile" && $0.message.contains("not from an upload") })
        try withFolder { folder in
            try npy(Array(repeating: 1, count: 12), shape: (3, 4)).write(to: URL(fileURLWithPath: folder + "/oblong.npy"))
            try npy(Array(repeating: 1, count: 16), shape: (4, 4), descr: ">f8").write(to: URL(fileURLWithPath: folder + "/big-endian.npy"))
            try npy([0, 1, 1, .nan] + Array(repeating: 1, count: 12), shape: (4, 4)).write(to: URL(fileURLWithPath: folder + "/nan.npy"))
            for (file, fragment) in [
                ("oblong.npy", "must be square"), ("big-endian.npy", "little-endian"), ("nan.npy", "[0][3] must be between 0"),
                ("missing.npy", "no such file"),
            ] {
                let found = issues(problem(travel: "{\"model\": \"matrix\", \"durationsFile\": \"\(file)\"}"), sideFilesFrom: folder)
                #expect(found.contains { $0.path == "travel.durationsFile" && $0.message.contains(fragment) }, "\(file): \(found)")
            }
            let both = issues(problem(travel: "{\"model\": \"matrix\", \"durations\": [[0]], \"durationsFile\": \"x.npy\"}"), sideFilesFrom: folder)
            #expect(both.contains { $0.path == "travel.durationsFile" && $0.message.contains("not both") })
        }
    }
}
