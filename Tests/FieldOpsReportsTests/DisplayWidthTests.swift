import FieldOpsReports
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("Anna", 4), ("王伟", 4), ("Jörg", 4), ("e\u{301}", 1), ("欧阳明 Ng", 9), ("😀", 2), ("❤️", 2), ("", 0),
        ("ｆｕｌｌ", 8), ("한국", 4), ("a\u{200B}b", 2),
    ])
    func columns(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func padAndTruncateNeverExceedTheWidth() {
        for text in ["王伟", "Anna Müller", "欧阳明明明明明", "x", ""] {
            for width in 0...12 {
                let padded = DisplayWidth.pad(text, to: width)
                #expect(DisplayWidth.of(padded) <= max(width, 0))
                if DisplayWidth.of(text) <= width { #expect(DisplayWidth.of(padded) == width) }
                let right = DisplayWidth.pad(text, to: width, alignRight: true)
                #expect(DisplayWidth.of(right) <= width)
            }
        }
        #expect(DisplayWidth.truncate("欧阳明明", to: 5) == "欧阳…")
        #expect(DisplayWidth.truncate("Anna Müller", to: 6) == "Anna …")
    }

    @Test func tableColumnsLineUpWithChineseNames() {
        var table = TextTable(columns: [.init("Name"), .init("Jobs", alignRight: true), .init("Skills")])
        table.append(["王伟", "7", "hvac"])
        table.append(["Anna Müller", "12", "plumbing electrical"])
        table.append(["欧阳明", "3", ""])
        let lines = table.render()
        #expect(lines == [
            "Name         Jobs  Skills",
            "王伟            7  hvac",
            "Anna Müller    12  plumbing electrical",
            "欧阳明          3",
        ])
    }

    @Test func stylesAreOnlyAppliedWhenAskedFor() {
        #expect(TerminalStyle.plain.bold("x") == "x")
        #expect(TerminalStyle(colors: true).bold("x") == "\u{1B}[1mx\u{1B}[0m")
    }
}
