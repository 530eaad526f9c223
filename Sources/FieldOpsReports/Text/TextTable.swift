/// A table for the terminal whose columns line up by display width, so that Chinese names and accented ones
/// align with ASCII ones.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var alignRight: Bool
        /// The widest the column may get; longer cells are cut with an ellipsis.
        public var maxWidth: Int?

        public init(_ title: String, alignRight: Bool = false, maxWidth: Int? = nil) {
            self.title = title
            self.alignRight = alignRight
            self.maxWidth = maxWidth
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []
    public var separator = "  "

    public init(columns: [Column]) {
        self.columns = columns
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    public func render(style: TerminalStyle = .plain) -> [String] {
        var widths = columns.map { DisplayWidth.of($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        for (index, column) in columns.enumerated() {
            if let limit = column.maxWidth { widths[index] = min(widths[index], limit) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let isLast = index == columns.count - 1
                parts.append(isLast && !column.alignRight
                    ? DisplayWidth.truncate(cell, to: widths[index])
                    : DisplayWidth.pad(cell, to: widths[index], alignRight: column.alignRight))
            }
            // No trailing blanks: they show up in diffs and golden files.
            var text = parts.joined(separator: separator)
            while text.last == " " { text.removeLast() }
            return text
        }
        return [style.bold(line(columns.map(\.title)))] + rows.map(line)
    }
}
