import FieldOpsModel
import Testing

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONParser.SyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: Array(text.utf8))
        return try parser.parseDocument()
    }

    @Test func stringsWithEscapesAndNonASCII() throws {
        let node = try parse(#"["a\"b\\c\/\n", "\u00e9\ud83d\ude00", "王伟"]"#)
        guard case .array(let items) = node.value else { Issue.record("not an array"); return }
        let strings = items.compactMap { item -> String? in
            if case .string(let text) = item.value { return text }
            return nil
        }
        #expect(strings == ["a\"b\\c/\n", "é😀", "王伟"])
    }

    @Test func numbersKeepTheirSpelling() throws {
        let node = try parse("[0, -1.5e3, 12345678901234567890]")
        guard case .array(let items) = node.value else { Issue.record("not an array"); return }
        let numbers = items.compactMap { item -> String? in
            if case .number(let text) = item.value { return text }
            return nil
        }
        #expect(numbers == ["0", "-1.5e3", "12345678901234567890"])
    }

    @Test func linesAreRecorded() throws {
        let node = try parse("{\n\"a\":\n  [1,\n   2]\n}")
        guard case .object(let members) = node.value, case .array(let items) = members[0].value.value else {
            Issue.record("unexpected shape")
            return
        }
        #expect(node.line == 1)
        #expect(members[0].value.line == 3)
        #expect(items.map(\.line) == [3, 4])
    }

    @Test(arguments: ["{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "\"\\ud800\"", "tru", "{} {}", "\"line\nbreak\"", "[1 2]"])
    func malformedDocumentsAreRefused(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try parse(text) }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.SyntaxError.self) { try parse(deep) }
    }
}
