import XCTest
@testable import GraphQL

/// graphql-core's `print_ast(value, max_indent_depth)`, which its error messages use with
/// a depth of 100 (`print_for_error`). Expected texts were printed by graphql-core 3.3.2.
final class PrintForErrorTests: XCTestCase {
    func testMaxIndentDepth() throws {
        let cases: [(input: String, maxDepth: Int, expected: String)] = [
            ("[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", {a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", b: [1, 2]}]], 3]", 0, "[ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" { a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", b: [1, 2] } ] ] 3 ]"),
            ("[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", {a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", b: [1, 2]}]], 3]", 1, "[\n  \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" { a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", b: [1, 2] } ] ] 3\n]"),
            ("[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", {a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", b: [1, 2]}]], 3]", 2, "[\n  \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n  [\n    \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" { a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", b: [1, 2] } ]\n  ]\n  3\n]"),
            ("[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", {a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", b: [1, 2]}]], 3]", 3, "[\n  \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n  [\n    \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n    [\n      \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" { a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", b: [1, 2] }\n    ]\n  ]\n  3\n]"),
            ("{outer: {inner: [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"], block: \"\"\"line one\n  line two\"\"\"}, list: [[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]]}", 0, "{ outer: { inner: [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ] block: \"\"\"\nline one\nline two\n\"\"\" } list: [ [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ] ] }"),
            ("{outer: {inner: [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"], block: \"\"\"line one\n  line two\"\"\"}, list: [[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]]}", 1, "{\n  outer: { inner: [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ] block: \"\"\"\n  line one\n  line two\n  \"\"\" } list: [ [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ] ]\n}"),
            ("{outer: {inner: [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"], block: \"\"\"line one\n  line two\"\"\"}, list: [[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]]}", 2, "{\n  outer: {\n    inner: [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ] block: \"\"\"\n    line one\n    line two\n    \"\"\"\n  }\n  list: [\n    [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ]\n  ]\n}"),
            ("{outer: {inner: [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"], block: \"\"\"line one\n  line two\"\"\"}, list: [[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]]}", 3, "{\n  outer: {\n    inner: [\n      \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n    ]\n    block: \"\"\"\n    line one\n    line two\n    \"\"\"\n  }\n  list: [\n    [\n      \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n    ]\n  ]\n}"),
            ("[[[[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]]], \"\"\"a\nb\"\"\", {deep: [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", {x: \"\"\"p\nq\"\"\", y: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}]}]", 0, "[ [ [ [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ] ] ] \"\"\"\na\nb\n\"\"\" { deep: [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" { x: \"\"\"\np\nq\n\"\"\", y: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" } ] } ]"),
            ("[[[[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]]], \"\"\"a\nb\"\"\", {deep: [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", {x: \"\"\"p\nq\"\"\", y: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}]}]", 1, "[\n  [ [ [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ] ] ] \"\"\"\n  a\n  b\n  \"\"\" { deep: [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" { x: \"\"\"\n  p\n  q\n  \"\"\", y: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" } ] }\n]"),
            ("[[[[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]]], \"\"\"a\nb\"\"\", {deep: [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", {x: \"\"\"p\nq\"\"\", y: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}]}]", 2, "[\n  [\n    [ [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ] ]\n  ]\n  \"\"\"\n  a\n  b\n  \"\"\"\n  {\n    deep: [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" { x: \"\"\"\n    p\n    q\n    \"\"\", y: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" } ]\n  }\n]"),
            ("[[[[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]]], \"\"\"a\nb\"\"\", {deep: [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", {x: \"\"\"p\nq\"\"\", y: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}]}]", 3, "[\n  [\n    [\n      [ \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ]\n    ]\n  ]\n  \"\"\"\n  a\n  b\n  \"\"\"\n  {\n    deep: [\n      \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" { x: \"\"\"\n      p\n      q\n      \"\"\", y: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" }\n    ]\n  }\n]"),
        ]
        for c in cases {
            let value = try parseValue(Source(c.input))
            XCTAssertEqual(Printer.print(value, depth: 0, maxIndentDepth: c.maxDepth).text, c.expected, "\(c.maxDepth) \(c.input)")
        }
    }

    /// 103 nested lists that each wrap: `print_ast` puts every bracket on a line of its
    /// own (208 lines, 21921 characters); `print_for_error` stops breaking lines inside
    /// the hundredth (201 lines, 20497 characters).
    func testErrorMessagesStopIndentingAtDepth100() throws {
        let string = "\"" + String(repeating: "x", count: 40) + "\""
        let input = String(repeating: "[", count: 103) + string + ", " + string + String(repeating: "]", count: 103)
        let value = try parseValue(Source(input))
        let forError = printValueForError(value)
        let full = printValue(value)
        XCTAssertEqual(forError.split(separator: "\n", omittingEmptySubsequences: false).count, 201)
        XCTAssertEqual(forError.unicodeScalars.count, 20497)
        XCTAssertEqual(full.split(separator: "\n", omittingEmptySubsequences: false).count, 208)
        XCTAssertEqual(full.unicodeScalars.count, 21921)
    }
}
