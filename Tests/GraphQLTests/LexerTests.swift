import XCTest
@testable import GraphQL

/// Asserts that parsing `input` fails with exactly `message` at `line`:`column`.
func assertSyntaxError(
    _ input: String, _ message: String, _ line: Int, _ column: Int,
    parse: (Source) throws(GraphQLError) -> Any = { (s: Source) throws(GraphQLError) in try parseDocument(s) },
    file: StaticString = #filePath, testLine: UInt = #line
) {
    // Long hostile inputs are shown by their start only.
    let shown = input.count > 80 ? String(input.prefix(80)).debugDescription + "…" : input.debugDescription
    do {
        _ = try parse(Source(input))
        XCTFail("expected a syntax error for \(shown)", file: file, line: testLine)
    } catch {
        XCTAssertEqual(error.message, message, "input: \(shown)", file: file, line: testLine)
        XCTAssertEqual(
            error.locations, [SourceLocation(line: line, column: column)], "input: \(shown)",
            file: file, line: testLine)
    }
}

/// Every token of `input`, in order, up to `<EOF>` (not included).
func lexAll(_ input: String) throws(GraphQLError) -> [(TokenKind, String)] {
    let source = Source(input)
    let result: Result<[(TokenKind, String)], GraphQLError> = source.bytes.withUnsafeBufferPointer { bytes in
        var lexer = Lexer(source: source, bytes: bytes)
        var tokens: [(TokenKind, String)] = []
        do throws(GraphQLError) {
            while true {
                let t = try lexer.next()
                if t.kind == .eof { break }
                let isString = t.kind == .string || t.kind == .blockString
                tokens.append((t.kind, isString ? lexer.stringValue ?? "" : source.text(from: t.start, to: t.end)))
            }
            return .success(tokens)
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}

final class LexerTests: XCTestCase {
    /// Every lexical error class; messages and locations are graphql-core 3.3.2's for the
    /// same input.
    func testLexicalErrors() {
        let cases: [(String, String, Int, Int)] = [
        ("%", "Syntax Error: Unexpected character: '%'.", 1, 1),
        ("?", "Syntax Error: Unexpected character: '?'.", 1, 1),
        ("\u{7}", "Syntax Error: Unexpected character: U+0007.", 1, 1),
        ("\u{0}", "Syntax Error: Unexpected character: U+0000.", 1, 1),
        ("\u{7F}", "Syntax Error: Unexpected character: U+007F.", 1, 1),
        ("\u{E9}", "Syntax Error: Unexpected character: U+00E9.", 1, 1),
        ("\u{A0}", "Syntax Error: Unexpected character: U+00A0.", 1, 1),
        ("\u{1F600}", "Syntax Error: Unexpected character: U+1F600.", 1, 1),
        ("~", "Syntax Error: Unexpected character: '~'.", 1, 1),
        ("^", "Syntax Error: Unexpected character: '^'.", 1, 1),
        ("*", "Syntax Error: Unexpected character: '*'.", 1, 1),
        ("<", "Syntax Error: Unexpected character: '<'.", 1, 1),
        ("\\", "Syntax Error: Unexpected character: '\\'.", 1, 1),
        ("'abc'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1),
        ("\u{FEFF}{ a } %", "Syntax Error: Unexpected character: '%'.", 1, 8),
        ("{ a }\n  %", "Syntax Error: Unexpected character: '%'.", 2, 3),
        ("{ a }\r\n  %", "Syntax Error: Unexpected character: '%'.", 2, 3),
        ("{ a }\r  %", "Syntax Error: Unexpected character: '%'.", 2, 3),
        ("# comment \u{E9}\n%", "Syntax Error: Unexpected character: '%'.", 2, 1),
        ("..", "Syntax Error: Unexpected '..', did you mean '...'?", 1, 1),
        ("{ ..a }", "Syntax Error: Unexpected '..', did you mean '...'?", 1, 3),
        (".", "Syntax Error: Unexpected character: '.'.", 1, 1),
        (".a", "Syntax Error: Unexpected character: '.'.", 1, 1),
        (".5", "Syntax Error: Invalid number, expected digit before '.', did you mean '0.5'?", 1, 1),
        (".123", "Syntax Error: Invalid number, expected digit before '.', did you mean '0.123'?", 1, 1),
        ("{ a(x: .5) }", "Syntax Error: Invalid number, expected digit before '.', did you mean '0.5'?", 1, 8),
        ("00", "Syntax Error: Invalid number, unexpected digit after 0: '0'.", 1, 2),
        ("01", "Syntax Error: Invalid number, unexpected digit after 0: '1'.", 1, 2),
        ("-01", "Syntax Error: Invalid number, unexpected digit after 0: '1'.", 1, 3),
        ("0x1", "Syntax Error: Invalid number, expected digit but got: 'x'.", 1, 2),
        ("1a", "Syntax Error: Invalid number, expected digit but got: 'a'.", 1, 2),
        ("1_", "Syntax Error: Invalid number, expected digit but got: '_'.", 1, 2),
        ("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3),
        ("1.a", "Syntax Error: Invalid number, expected digit but got: 'a'.", 1, 3),
        ("1..", "Syntax Error: Invalid number, expected digit but got: '.'.", 1, 3),
        ("1.5.", "Syntax Error: Invalid number, expected digit but got: '.'.", 1, 4),
        ("1.5e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 5),
        ("1e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3),
        ("1E+", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 4),
        ("1e-x", "Syntax Error: Invalid number, expected digit but got: 'x'.", 1, 4),
        ("1.5e+x", "Syntax Error: Invalid number, expected digit but got: 'x'.", 1, 6),
        ("-", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 2),
        ("-a", "Syntax Error: Invalid number, expected digit but got: 'a'.", 1, 2),
        ("- 1", "Syntax Error: Invalid number, expected digit but got: ' '.", 1, 2),
        ("1.0e1.0", "Syntax Error: Invalid number, expected digit but got: '.'.", 1, 6),
        ("123abc", "Syntax Error: Invalid number, expected digit but got: 'a'.", 1, 4),
        ("0.0.0", "Syntax Error: Invalid number, expected digit but got: '.'.", 1, 4),
        ("1e1e1", "Syntax Error: Invalid number, expected digit but got: 'e'.", 1, 4),
        ("{ a(x: 12.) }", "Syntax Error: Invalid number, expected digit but got: ')'.", 1, 11),
        ("{ a(x: 1\u{E9}) }", "Syntax Error: Unexpected character: U+00E9.", 1, 9),
        ("-.5", "Syntax Error: Invalid number, expected digit but got: '.'.", 1, 2),
        ("\"abc", "Syntax Error: Unterminated string.", 1, 5),
        ("\"abc\n\"", "Syntax Error: Unterminated string.", 1, 5),
        ("\"abc\r\"", "Syntax Error: Unterminated string.", 1, 5),
        ("\"", "Syntax Error: Unterminated string.", 1, 2),
        ("\"\\z\"", "Syntax Error: Invalid character escape sequence: '\\z'.", 1, 2),
        ("\"\\x\"", "Syntax Error: Invalid character escape sequence: '\\x'.", 1, 2),
        ("\"\\", "Syntax Error: Invalid character escape sequence: '\\'.", 1, 2),
        ("\"\\\n\"", "Syntax Error: Invalid character escape sequence: '\\\n'.", 1, 2),
        ("\"\\\u{E9}\"", "Syntax Error: Invalid character escape sequence: '\\\u{E9}'.", 1, 2),
        ("\"\\uXYZW\"", "Syntax Error: Invalid Unicode escape sequence: '\\uXYZW'.", 1, 2),
        ("\"\\u12\"", "Syntax Error: Invalid Unicode escape sequence: '\\u12\"'.", 1, 2),
        ("\"\\u1\"", "Syntax Error: Invalid Unicode escape sequence: '\\u1\"'.", 1, 2),
        ("\"\\u\"", "Syntax Error: Invalid Unicode escape sequence: '\\u\"'.", 1, 2),
        ("\"\\u12\u{E9}4\"", "Syntax Error: Invalid Unicode escape sequence: '\\u12\u{E9}4'.", 1, 2),
        ("\"\\u{}\"", "Syntax Error: Invalid Unicode escape sequence: '\\u{}'.", 1, 2),
        ("\"\\u{12\"", "Syntax Error: Invalid Unicode escape sequence: '\\u{12\"'.", 1, 2),
        ("\"\\u{zz}\"", "Syntax Error: Invalid Unicode escape sequence: '\\u{z'.", 1, 2),
        ("\"\\u{110000}\"", "Syntax Error: Invalid Unicode escape sequence: '\\u{110000}'.", 1, 2),
        ("\"\\u{D800}\"", "Syntax Error: Invalid Unicode escape sequence: '\\u{D800}'.", 1, 2),
        ("\"\\u{123456789}\"", "Syntax Error: Invalid Unicode escape sequence: '\\u{123456789'.", 1, 2),
        ("\"\\u{00000041\"", "Syntax Error: Invalid Unicode escape sequence: '\\u{00000041\"'.", 1, 2),
        ("\"\\u{FFFFFFFF}\"", "Syntax Error: Invalid Unicode escape sequence: '\\u{FFFFFFFF}'.", 1, 2),
        ("\"\\uD800\"", "Syntax Error: Invalid Unicode escape sequence: '\\uD800'.", 1, 2),
        ("\"\\uDC00\"", "Syntax Error: Invalid Unicode escape sequence: '\\uDC00'.", 1, 2),
        ("\"\\uD83D\\u0041\"", "Syntax Error: Invalid Unicode escape sequence: '\\uD83D'.", 1, 2),
        ("\"\\uD83Dx\"", "Syntax Error: Invalid Unicode escape sequence: '\\uD83D'.", 1, 2),
        ("\"\\uD83D\\uD83D\"", "Syntax Error: Invalid Unicode escape sequence: '\\uD83D'.", 1, 2),
        ("\"\\uDBFF\\uE000\"", "Syntax Error: Invalid Unicode escape sequence: '\\uDBFF'.", 1, 2),
        ("\"\\u{1F600}\\x\"", "Syntax Error: Invalid character escape sequence: '\\x'.", 1, 11),
        ("\"\\u{\u{E9}}\"", "Syntax Error: Invalid Unicode escape sequence: '\\u{\u{E9}'.", 1, 2),
        ("\"\"\"abc", "Syntax Error: Unterminated string.", 1, 7),
        ("\"\"\"abc\"\"", "Syntax Error: Unterminated string.", 1, 9),
        ("\"\"\"abc\\\"\"\"", "Syntax Error: Unterminated string.", 1, 11),
        ("\"\"\"\"", "Syntax Error: Unterminated string.", 1, 5),
        ("\"\"\"\n\n", "Syntax Error: Unterminated string.", 3, 1),
        ]
        for (input, message, line, column) in cases {
            assertSyntaxError(input, message, line, column)
        }
    }

    /// String values after escapes and block-string dedent, as graphql-core computes them.
    func testStringValues() throws {
        let cases: [(String, String, Bool)] = [
        ("\"\"", "", false),
        ("\"simple\"", "simple", false),
        ("\" white space \"", " white space ", false),
        ("\"quote \\\"\"", "quote \"", false),
        ("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\u{8}\t\u{C}", false),
        ("\"slashes \\\\ \\/\"", "slashes \\ /", false),
        ("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}", false),
        ("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", "unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}", false),
        ("\"string with unicode escape \\u{1F600}\"", "string with unicode escape \u{1F600}", false),
        ("\"pair \\uD83D\\uDE00\"", "pair \u{1F600}", false),
        ("\"\\u{0}\"", "\u{0}", false),
        ("\"\\u{00000041}\"", "A", false),
        ("\"\\u{10FFFF}\"", "\u{10FFFF}", false),
        ("\"\\u0000\"", "\u{0}", false),
        ("\"control \u{7} char\"", "control \u{7} char", false),
        ("\"unicode \u{444}\u{44B}\u{4E16}\u{754C}\"", "unicode \u{444}\u{44B}\u{4E16}\u{754C}", false),
        ("\"emoji \u{1F600}\"", "emoji \u{1F600}", false),
        ("\"bom \u{FEFF} inside\"", "bom \u{FEFF} inside", false),
        ("\"\"\"\"\"\"", "", true),
        ("\"\"\"simple\"\"\"", "simple", true),
        ("\"\"\" white space \"\"\"", " white space ", true),
        ("\"\"\"contains \" quote\"\"\"", "contains \" quote", true),
        ("\"\"\"contains \\\"\"\" triplequote\"\"\"", "contains \"\"\" triplequote", true),
        ("\"\"\"multi\nline\"\"\"", "multi\nline", true),
        ("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized", true),
        ("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234", true),
        ("\"\"\"unescaped unicode outside BMP \u{1F600}\"\"\"", "unescaped unicode outside BMP \u{1F600}", true),
        ("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/", true),
        ("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", "spans\n  multiple\n    lines", true),
        ("\"\"\"    first line keeps indent\n      second\n    third\"\"\"", "    first line keeps indent\n  second\nthird", true),
        ("\"\"\"\n\t\tTab\n\t\t  indent\n\"\"\"", "Tab\n  indent", true),
        ("\"\"\"   \n   \n\"\"\"", "", true),
        ("\"\"\"\n  a\n\n  b\n  \"\"\"", "a\n\nb", true),
        ("\"\"\"x\\\"\"\"y\"\"\"", "x\"\"\"y", true),
        ("\"\"\"a\\\\b\"\"\"", "a\\\\b", true),
        ("\"\"\"\\\"\"\"\"\"\"", "\"\"\"", true),
        ("\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\"", "Hello,\n  World!\n\nYours,\n  GraphQL.", true),
        ]
        for (input, expected, expectedBlock) in cases {
            let value = try parseValue(Source(input))
            guard case .string(let s, let block, let loc) = value else {
                XCTFail("not a string: \(input.debugDescription)")
                continue
            }
            XCTAssertEqual(s, expected, "input: \(input.debugDescription)")
            XCTAssertEqual(block, expectedBlock, "input: \(input.debugDescription)")
            XCTAssertEqual(loc, Location(start: 0, end: input.utf8.count))
        }
    }

    func testTokenKinds() throws {
        let tokens = try lexAll("\u{FEFF}! $ & ( ) ... : = @ [ ] { | } name _n4me 0 -12 3.5 -1e10 6.0E-3 \"s\" \"\"\"b\"\"\"")
        let kinds = tokens.map(\.0)
        XCTAssertEqual(
            kinds,
            [
                .bang, .dollar, .amp, .parenL, .parenR, .spread, .colon, .equals, .at, .bracketL, .bracketR,
                .braceL, .pipe, .braceR, .name, .name, .int, .int, .float, .float, .float, .string, .blockString,
            ])
        XCTAssertEqual(
            tokens.map(\.1).suffix(9), ["name", "_n4me", "0", "-12", "3.5", "-1e10", "6.0E-3", "s", "b"])
    }

    func testIgnoredCharacters() throws {
        let tokens = try lexAll(" \t,,\n\r\n\r# comment é 😀\n\u{FEFF}a,b#c\r# \u{7}\nc")
        XCTAssertEqual(tokens.map(\.1), ["a", "b", "c"])
        XCTAssertEqual(try lexAll("# only a comment").count, 0)
        XCTAssertEqual(try lexAll("").count, 0)
    }

    func testTokenOffsetsAreBytes() throws {
        let source = Source("\"é\" x")
        let doc = try parseValue(Source("[\"é\", x]"))
        guard case .list(let values, _) = doc else { return XCTFail() }
        XCTAssertEqual(values[0].loc, Location(start: 1, end: 5))
        XCTAssertEqual(values[1].loc, Location(start: 7, end: 8))
        XCTAssertEqual(source.location(of: 5), SourceLocation(line: 1, column: 5))
    }

    /// graphql-core never sees invalid UTF-8, so this message is ours; it must point at the
    /// first bad byte, wherever the lexer meets it.
    func testInvalidUTF8() {
        let cases: [([UInt8], Int, Int)] = [
            ([0xFF], 1, 1),
            ([0x7B, 0x20, 0xC3], 1, 3),  // truncated two-byte sequence
            ([0x23, 0x20, 0xC0, 0xAF, 0x0A], 1, 3),  // overlong, in a comment
            ([0x22, 0x61, 0xED, 0xA0, 0x80, 0x22], 1, 3),  // UTF-8-encoded surrogate, in a string
            ([0x22, 0x22, 0x22, 0x0A, 0x20, 0xF5, 0x80, 0x80, 0x80, 0x22, 0x22, 0x22], 2, 2),  // past U+10FFFF
            ([0x7B, 0x61, 0x28, 0x78, 0x3A, 0x22, 0xE2, 0x82, 0x22, 0x29, 0x7D], 1, 7),  // truncated three-byte
            ([0x80], 1, 1),  // lone continuation byte
            ([0x7B, 0x20, 0x61, 0x20, 0x7D, 0x0A, 0xF0, 0x9F, 0x98], 2, 1),  // truncated four-byte at the end
        ]
        for (bytes, line, column) in cases {
            do {
                _ = try parseDocument(Source(bytes: bytes))
                XCTFail("expected an error for \(bytes)")
            } catch {
                XCTAssertEqual(error.message, "Syntax Error: Invalid UTF-8 sequence.", "\(bytes)")
                XCTAssertEqual(error.locations, [SourceLocation(line: line, column: column)], "\(bytes)")
            }
        }
    }

    /// Valid multi-byte UTF-8 in strings and comments is accepted, and columns after it count
    /// code points.
    func testColumnsCountCodePoints() {
        assertSyntaxError("{ a(x: \"é😀\") % }", "Syntax Error: Unexpected character: '%'.", 1, 14)
        assertSyntaxError("# 😀😀\n😀", "Syntax Error: Unexpected character: U+1F600.", 2, 1)
    }
}
