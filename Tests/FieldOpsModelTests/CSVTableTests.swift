import FieldOpsModel
import Testing

@Suite struct CSVTableTests {
    @Test func quotedFieldsCommasQuotesAndLineBreaks() throws {
        let table = try CSVTable(text: "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.fields) == [["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""]])
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(try CSVTable(text: table.text).rows.map(\.fields) == table.rows.map(\.fields))
    }

    @Test func blankLinesAreSkippedAndLinesStillCount() throws {
        let table = try CSVTable(text: "\u{FEFF}id\n\nA\n\nB")
        #expect(table.rows.map(\.fields) == [["A"], ["B"]])
        #expect(table.rows.map(\.line) == [3, 5])
    }

    @Test func malformedQuotingNamesTheLine() {
        #expect(throws: CSVTable.SyntaxError.self) { try CSVTable(text: "a\n\"open") }
        do {
            _ = try CSVTable(text: "a,b\n1,2\nx\"y,3\n")
        } catch {
            #expect(error.line == 3)
        }
        #expect(throws: CSVTable.SyntaxError.self) { try CSVTable(text: "") }
    }
}
