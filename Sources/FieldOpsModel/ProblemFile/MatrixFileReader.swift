import Foundation

/// Reads one table of a travel matrix from a side file: NumPy's `.npy` (what `numpy.save` writes: a square
/// little-endian `int32`, `int64`, `float32` or `float64` array in C order), or JSON (an array of rows of
/// numbers). The `.npy` file is read in slices, so that the whole table is only ever in memory once, as 4-byte
/// whole numbers.
public enum MatrixFileReader {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The line, for a JSON file.
        public var line: Int?
        public var message: String
        public var description: String { (line.map { "line \($0): " } ?? "") + message }
    }

    public static func read(_ path: String, rounding: NumberTable.Rounding) throws(Failure) -> (size: Int, values: [Int32]) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(message: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 6)).map { Array($0) } ?? []
        if magic == [0x93] + Array("NUMPY".utf8) { return try readNumPy(handle, rounding: rounding) }
        try? handle.seek(toOffset: 0)
        guard let data = try? handle.readToEnd() else { throw Failure(message: "cannot read the file") }
        var parser = JSONParser(bytes: Array(data))
        let table: NumberTable
        do {
            table = try parser.parseTableDocument(rounding: rounding)
        } catch {
            throw Failure(line: error.line, message: "not a matrix: \(error.message) (column \(error.column))")
        }
        if let problem = table.problems.first {
            let place = "[\(problem.row)]" + (problem.column.map { "[\($0)]" } ?? "")
            let more = table.problemCount > 1 ? " (and \(table.problemCount - 1) more)" : ""
            throw Failure(line: problem.line, message: "\(place) \(problem.message)\(more)")
        }
        guard table.rows == (table.width ?? 0) else {
            throw Failure(message: "has \(table.rows) rows of \(table.width ?? 0); the matrix must be square")
        }
        return (table.rows, table.values)
    }

    /// The `.npy` layout: magic, version, a header length, a Python dict literal naming the element type, the
    /// order and the shape, then the elements.
    private static func readNumPy(_ handle: FileHandle, rounding: NumberTable.Rounding) throws(Failure) -> (size: Int, values: [Int32]) {
        guard let version = try? handle.read(upToCount: 2), version.count == 2, (1...3).contains(version[version.startIndex]) else {
            throw Failure(message: "not a .npy file this reader knows (version 1 to 3)")
        }
        let lengthBytes = version[version.startIndex] == 1 ? 2 : 4
        guard let lengthData = try? handle.read(upToCount: lengthBytes), lengthData.count == lengthBytes else {
            throw Failure(message: "the .npy header is cut short")
        }
        let headerLength = lengthData.reversed().reduce(0) { $0 << 8 | Int($1) }
        guard headerLength < 1 << 16, let headerData = try? handle.read(upToCount: headerLength), headerData.count == headerLength,
              let header = String(data: headerData, encoding: .ascii)
        else { throw Failure(message: "the .npy header is cut short or not text") }
        guard let type = field("descr", in: header).flatMap(ElementType.init) else {
            throw Failure(message: "the .npy element type must be '<i4', '<i8', '<f4' or '<f8' (little-endian), the header says \(header)")
        }
        guard field("fortran_order", in: header) == "False" else { throw Failure(message: "the .npy array must be in C order (fortran_order False)") }
        let shape = field("shape", in: header).map { $0.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } } ?? []
        guard shape.count == 2, shape[0] == shape[1], shape[0] <= 100_000 else {
            throw Failure(message: "the .npy array must be square, at most 100000 × 100000; its shape is \(field("shape", in: header) ?? "missing")")
        }
        let size = shape[0]
        var values: [Int32] = []
        values.reserveCapacity(size * size)
        var table = NumberTable(rounding: rounding)
        let perSlice = 1 << 18
        while values.count < size * size {
            let count = min(perSlice, size * size - values.count)
            guard let slice = try? handle.read(upToCount: count * type.bytes), slice.count == count * type.bytes else {
                throw Failure(message: "the .npy file ends after \(values.count) of its \(size * size) entries")
            }
            let first = values.count
            slice.withUnsafeBytes { raw in
                for k in 0..<count {
                    let value = type.value(raw, k)
                    table.append(value, row: (first + k) / size, column: (first + k) % size, line: 0)
                }
            }
            if let problem = table.problems.first {
                throw Failure(message: "[\(problem.row)][\(problem.column ?? 0)] \(problem.message)")
            }
            values += table.values
            table.values.removeAll(keepingCapacity: true)
        }
        return (size, values)
    }

    /// The value of `'key': value` in the header's dict literal, quotes taken off.
    private static func field(_ key: String, in header: String) -> String? {
        guard let range = header.range(of: "'\(key)':") else { return nil }
        var rest = header[range.upperBound...].drop { $0 == " " }
        if rest.first == "(" {
            guard let end = rest.firstIndex(of: ")") else { return nil }
            return String(rest[...end])
        }
        if rest.first == "'" {
            rest = rest.dropFirst()
            return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
        }
        return String(rest.prefix { $0 != "," && $0 != "}" }).trimmingCharacters(in: .whitespaces)
    }

    private enum ElementType {
        case int32, int64, float32, float64

        init?(_ descr: String) {
            switch descr {
            case "<i4": self = .int32
            case "<i8": self = .int64
            case "<f4": self = .float32
            case "<f8": self = .float64
            default: return nil
            }
        }

        var bytes: Int {
            switch self {
            case .int32, .float32: 4
            case .int64, .float64: 8
            }
        }

        func value(_ raw: UnsafeRawBufferPointer, _ k: Int) -> Double {
            switch self {
            case .int32: Double(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: k * 4, as: Int32.self)))
            case .int64: Double(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: k * 8, as: Int64.self)))
            case .float32: Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: k * 4, as: UInt32.self))))
            case .float64: Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)))
            }
        }
    }
}
