/// A JSON array of rows of numbers read straight into whole numbers, 4 bytes each, without a node per number: a
/// routing engine's matrix has millions of entries, and a node per entry made a 300 MB file take 11 GB.
/// Entries that are not numbers, or out of range, are recorded with their row, column and line.
public struct NumberTable: Sendable {
    /// How a figure becomes a whole number: seconds round up (so that minutes rounded up from them are the minutes
    /// rounded up from the exact figure), metres to the nearest.
    public enum Rounding: Sendable {
        case up
        case nearest
    }

    public struct Problem: Sendable {
        public var row: Int
        /// Nil when the row itself is wrong.
        public var column: Int?
        public var line: Int
        public var message: String
    }

    public internal(set) var rows = 0
    /// Entries in the first row; every row must have as many.
    public internal(set) var width: Int?
    public internal(set) var values: [Int32] = []
    /// The first problems found (at most `maxProblems`), and how many there were in all.
    public internal(set) var problems: [Problem] = []
    public internal(set) var problemCount = 0
    let rounding: Rounding

    static let maxProblems = 20

    init(rounding: Rounding) {
        self.rounding = rounding
    }

    mutating func problem(row: Int, column: Int?, line: Int, _ message: String) {
        problemCount += 1
        if problems.count < Self.maxProblems { problems.append(Problem(row: row, column: column, line: line, message: message)) }
    }

    /// Appends a figure of row `row`, checked against `InputLimits.matrixEntry`.
    mutating func append(_ value: Double, row: Int, column: Int, line: Int) {
        guard value >= 0 && value <= InputLimits.matrixEntry else {
            problem(row: row, column: column, line: line, "must be between 0 and \(Int(InputLimits.matrixEntry)), is \(value)")
            values.append(0)
            return
        }
        values.append(Int32(rounding == .up ? value.rounded(.up) : value.rounded()))
    }

    /// Ends row `row` after `columns` entries.
    mutating func endRow(_ row: Int, columns: Int, line: Int) {
        rows = row + 1
        guard let width else {
            width = columns
            // The table is square when it is right: room for all of it at once, not by doubling.
            values.reserveCapacity(columns * columns)
            return
        }
        if columns != width {
            problem(row: row, column: nil, line: line, "has \(columns) columns; the first row has \(width) and the matrix must be square")
        }
    }
}
