import Foundation
import XCTest

@testable import GraphQL

/// Hostile input: every case must end in a result or a clear syntax error, quickly, and
/// without deep recursion. Expected messages and locations are graphql-core 3.3.2's where it
/// has the same limit (nesting 200, `max_lexical_tokens` for the token limit).
final class ParserLimitsTests: XCTestCase {
    private let nestedTooDeeply = "Syntax Error: Document is nested too deeply. Parsing aborted."

    /// Runs `body` and fails if it takes longer than `seconds` (generous: debug builds).
    private func assertPrompt(
        _ seconds: Double, file: StaticString = #filePath, line: UInt = #line, _ body: () -> Void
    ) {
        let start = Date()
        body()
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertLessThan(elapsed, seconds, "took \(elapsed) s", file: file, line: line)
    }

    func testNestingLimitTable() {
        let cases: [(String, String?, Int, Int, (Source) throws(GraphQLError) -> Any)] = [
            (String(repeating: "{a", count: 200) + String(repeating: "}", count: 200), nil, 0, 0, parseDoc),
            (String(repeating: "{a", count: 201) + String(repeating: "}", count: 201), nestedTooDeeply, 1, 401, parseDoc),
            // One selection set plus 199 lists is 200 levels; one more list is too many.
            ("{a(x:" + String(repeating: "[", count: 199) + String(repeating: "]", count: 199) + ")}", nil, 0, 0, parseDoc),
            ("{a(x:" + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + ")}", nestedTooDeeply, 1, 205, parseDoc),
            ("{a(x:" + String(repeating: "{b:", count: 199) + "1" + String(repeating: "}", count: 199) + ")}", nil, 0, 0, parseDoc),
            ("{a(x:" + String(repeating: "{b:", count: 200) + "1" + String(repeating: "}", count: 200) + ")}", nestedTooDeeply, 1, 603, parseDoc),
            // A list type counts once its `[` is read, so the error is at the token after it.
            (String(repeating: "[", count: 200) + "A" + String(repeating: "]", count: 200), nil, 0, 0, parseTy),
            (String(repeating: "[", count: 201) + "A" + String(repeating: "]", count: 201), nestedTooDeeply, 1, 202, parseTy),
            ("query ($a: " + String(repeating: "[", count: 200) + "A" + String(repeating: "]", count: 200) + ") {a}", nil, 0, 0, parseDoc),
            (String(repeating: "[", count: 200) + String(repeating: "]", count: 200), nil, 0, 0, parseVal),
            (String(repeating: "[", count: 201) + String(repeating: "]", count: 201), nestedTooDeeply, 1, 201, parseVal),
        ]
        for (input, message, line, column, parse) in cases {
            if let message {
                assertSyntaxError(input, message, line, column, parse: parse)
            } else {
                XCTAssertNoThrow(try parse(Source(input)), "input of \(input.utf8.count) bytes")
            }
        }
    }

    func testHundredThousandNestedSelectionSets() {
        let input = String(repeating: "{a", count: 100_000)
        assertPrompt(1) {
            assertSyntaxError(input, nestedTooDeeply, 1, 401)
        }
    }

    func testHundredThousandNestedLists() {
        let input = "{a(x: " + String(repeating: "[", count: 100_000) + ")}"
        assertPrompt(1) {
            assertSyntaxError(input, nestedTooDeeply, 1, 206)
        }
    }

    /// The deepest documents allowed parse on a thread with a bounded stack. Measured: a
    /// release build needs about 320 KiB for 200 levels (under Darwin's 512 KiB secondary
    /// threads; Linux threads and tasks get 8 MiB), a debug build about 1.5 MiB.
    func testMaximumNestingFitsASmallStack() {
        let input = String(repeating: "{a(x: [{b: [1]}])", count: 197) + "{a}" + String(repeating: "}", count: 197)
        let objectInput = "{a(x:" + String(repeating: "{b:", count: 199) + "1" + String(repeating: "}", count: 199) + ")}"
        let typeInput = "query ($v: " + String(repeating: "[", count: 200) + "A" + String(repeating: "]", count: 200) + ") { a }"
        nonisolated(unsafe) var outcome: [String] = []
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            for text in [input, objectInput, typeInput] {
                do throws(GraphQLError) {
                    _ = try parseDocument(Source(text))
                    outcome.append("ok")
                } catch {
                    outcome.append(error.message)
                }
            }
            done.signal()
        }
        thread.stackSize = 2 * 1024 * 1024
        thread.start()
        done.wait()
        XCTAssertEqual(outcome, ["ok", "ok", "ok"])
    }

    func testTokenLimit() {
        let limits = ParseLimits(maxTokens: 10, maxDepth: 200)
        let parse = { (s: Source) throws(GraphQLError) -> Any in try parseDocument(s, limits: limits) }
        let message = "Syntax Error: Document contains more than 10 tokens. Parsing aborted."
        XCTAssertNoThrow(try parse(Source("{ a b c d e f g h }")))
        // Comments are not tokens.
        XCTAssertNoThrow(try parse(Source("{ a #c\n b #c\n c d e f g h }")))
        assertSyntaxError("{ a b c d e f g h i }", message, 1, 21, parse: parse)
        assertSyntaxError("{ a b c d e f g h i j }", message, 1, 21, parse: parse)
    }

    func testDefaultTokenLimit() {
        // 2 + 99_998 fields = 100_000 tokens: allowed; one more is not.
        let fields = String(repeating: "a ", count: 99_998)
        XCTAssertNoThrow(try parseDocument(Source("{ " + fields + "}")))
        let over = "{ " + fields + "a }"
        let column = 2 + 99_999 * 2 + 1
        assertPrompt(2) {
            assertSyntaxError(
                over, "Syntax Error: Document contains more than 100000 tokens. Parsing aborted.", 1, column)
        }
    }

    /// 5 MB of tokens stops at the token limit without reading the rest.
    func testFiveMegabyteDocumentHitsTokenLimit() {
        let input = "{ " + String(repeating: "field ", count: 5_000_000 / 6) + "}"
        assertPrompt(2) {
            assertSyntaxError(
                input, "Syntax Error: Document contains more than 100000 tokens. Parsing aborted.", 1, 599_997)
        }
    }

    /// 5 MB in few tokens (a long string, a long comment), and 5 MB of tokens with the limit
    /// lifted, parse in linear time.
    func testFiveMegabyteDocumentsParse() throws {
        let big = String(repeating: "abcdefghij", count: 500_000)
        assertPrompt(3) {
            XCTAssertNotNil(try? parseDocument(Source("{ a(x: \"\(big)\") }")))
            XCTAssertNotNil(try? parseDocument(Source("{ a(x: \"\"\"\(big)\"\"\") }")))
            XCTAssertNotNil(try? parseDocument(Source("# \(big)\n{ a }")))
        }
        let manyTokens = "{ " + String(repeating: "field ", count: 5_000_000 / 6) + "}"
        var count = 0
        assertPrompt(10) {
            let doc = try? parseDocument(Source(manyTokens), limits: ParseLimits(maxTokens: .max, maxDepth: 200))
            if case .operation(let op)? = doc?.definitions.first { count = op.selectionSet.selections.count }
        }
        XCTAssertEqual(count, 5_000_000 / 6)
    }

    func testTenThousandDigitNumber() throws {
        let digits = "9" + String(repeating: "0", count: 9_999)
        let doc = try parseDocument(Source("{ a(x: \(digits), y: -\(digits).5e\(digits)) }"))
        guard case .operation(let op) = doc.definitions[0], case .field(let field) = op.selectionSet.selections[0]
        else { return XCTFail() }
        guard case .int(let text, _) = field.arguments[0].value else { return XCTFail() }
        XCTAssertEqual(text, digits)
        guard case .float(let float, _) = field.arguments[1].value else { return XCTFail() }
        XCTAssertEqual(float.utf8.count, 1 + 10_000 + 2 + 1 + 10_000)
    }

    func testInvalidUTF8IsAnErrorNotACrash() {
        var bytes: [UInt8] = Array("{ a(x: \"".utf8)
        var state: UInt32 = 12345
        for _ in 0..<10_000 {
            state = state &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16) | 0x80)
        }
        do {
            _ = try parseDocument(Source(bytes: bytes))
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.message, "Syntax Error: Invalid UTF-8 sequence.")
        }
    }
}

private func parseDoc(_ s: Source) throws(GraphQLError) -> Any { try parseDocument(s) }
private func parseTy(_ s: Source) throws(GraphQLError) -> Any { try parseType(s) }
private func parseVal(_ s: Source) throws(GraphQLError) -> Any { try parseValue(s) }
