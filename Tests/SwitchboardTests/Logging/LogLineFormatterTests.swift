import Foundation
import GraphQL
import Logging
import XCTest

@testable import Switchboard

/// The log line formats: one record per line whatever the message and metadata hold, values
/// escaped so that a `key=value` reader (text) and any JSON parser (json) get back exactly what
/// was logged.
final class LogLineFormatterTests: XCTestCase {
    let ts = "2026-12-05T21:00:00.123Z"

    func text(_ message: String, _ metadata: Logger.Metadata = [:], level: Logger.Level = .info) -> String {
        String(decoding: LogLineFormatter(format: .text).line(timestamp: ts, level: level, message: message, metadata: metadata),
               as: UTF8.self)
    }

    func json(_ message: String, _ metadata: Logger.Metadata = [:], level: Logger.Level = .info) throws -> [String: Any] {
        let line = LogLineFormatter(format: .json).line(timestamp: ts, level: level, message: message, metadata: metadata)
        XCTAssertEqual(line.last, UInt8(ascii: "\n"))
        XCTAssertEqual(line.filter { $0 == UInt8(ascii: "\n") }.count, 1, "one line per record")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    }

    // MARK: - text

    func testTextLineShape() {
        XCTAssertEqual(
            text("connection opened", ["remote": "127.0.0.1", "id": "12", "subprotocol": "graphql-transport-ws"]),
            "2026-12-05T21:00:00.123Z info connection opened id=12 remote=127.0.0.1 subprotocol=graphql-transport-ws\n")
    }

    func testTextKeysIdFirstThenByName() {
        XCTAssertEqual(
            text("m", ["zeta": "1", "alpha": "2", "id": "3", "code": "4"]),
            "\(ts) info m id=3 alpha=2 code=4 zeta=1\n")
    }

    func testTextQuotesValuesWithSpacesQuotesEqualsBackslashesOrNothing() {
        XCTAssertEqual(text("m", ["reason": "Going away"]), "\(ts) info m reason=\"Going away\"\n")
        XCTAssertEqual(text("m", ["reason": ""]), "\(ts) info m reason=\"\"\n")
        XCTAssertEqual(text("m", ["q": #"say "hi""#]), #"\#(ts) info m q="say \"hi\"""# + "\n")
        XCTAssertEqual(text("m", ["q": "a=b"]), "\(ts) info m q=\"a=b\"\n")
        XCTAssertEqual(text("m", ["q": #"C:\dir"#]), #"\#(ts) info m q="C:\\dir""# + "\n")
    }

    func testTextEscapesControlCharactersInValuesAndMessage() {
        XCTAssertEqual(
            text("line one\nline two\r\tend\u{1}", ["reason": "a\nb\u{7F}"]),
            #"\#(ts) info line one\nline two\r\tend\u0001 reason="a\nb\u007f""# + "\n")
    }

    func testTextKeepsNonASCIIAsItIs() {
        XCTAssertEqual(text("grüße", ["room": "café☕"]), "\(ts) info grüße room=café☕\n")
    }

    func testTextKeysCannotBreakTheShape() {
        XCTAssertEqual(text("m", ["bad key=x": "1"]), "\(ts) info m bad_key_x=1\n")
    }

    func testTextListsAndDictionaries() {
        XCTAssertEqual(
            text("m", ["connections": ["a-1", "b-2"], "d": ["y": "2", "x": "1"]]),
            "\(ts) info m connections=[a-1,b-2] d={x:1,y:2}\n")
    }

    func testTextLevelNames() {
        for level in Logger.Level.allCases {
            XCTAssertEqual(text("m", level: level), "\(ts) \(level.rawValue) m\n")
        }
    }

    // MARK: - json

    func testJSONFields() throws {
        let object = try json("connection closed", ["id": "12", "code": .stringConvertible(1013), "reason": "Try again later"],
                              level: .warning)
        XCTAssertEqual(object["ts"] as? String, ts)
        XCTAssertEqual(object["level"] as? String, "warning")
        XCTAssertEqual(object["message"] as? String, "connection closed")
        let metadata = try XCTUnwrap(object["metadata"] as? [String: Any])
        XCTAssertEqual(metadata["id"] as? String, "12")
        XCTAssertEqual(metadata["code"] as? Int, 1013, "an integer given as a number stays a number")
        XCTAssertEqual(metadata["reason"] as? String, "Try again later")
    }

    func testJSONKeyOrder() {
        let line = String(decoding: LogLineFormatter(format: .json).line(
            timestamp: ts, level: .info, message: "m", metadata: ["b": "2", "id": "1", "a": "3"]), as: UTF8.self)
        XCTAssertEqual(line, #"{"ts":"\#(ts)","level":"info","message":"m","metadata":{"id":"1","a":"3","b":"2"}}"# + "\n")
    }

    func testJSONEscapesWhatJSONMust() throws {
        let nasty = "quote \" backslash \\ newline \n tab \t nul \u{0} bell \u{7} slash / é ☕ 𝄞"
        let object = try json(nasty, ["reason": .string(nasty)])
        XCTAssertEqual(object["message"] as? String, nasty)
        XCTAssertEqual((object["metadata"] as? [String: Any])?["reason"] as? String, nasty)
    }

    func testJSONNumbersBooleansListsObjects() throws {
        let object = try json("m", [
            "n": .stringConvertible(-5), "big": .stringConvertible(UInt64.max), "f": .stringConvertible(0.25),
            "nan": .stringConvertible(Double.nan), "yes": .stringConvertible(true),
            "list": ["a", .stringConvertible(2)], "dict": ["k": "v"],
        ])
        let metadata = try XCTUnwrap(object["metadata"] as? [String: Any])
        XCTAssertEqual(metadata["n"] as? Int, -5)
        XCTAssertEqual(metadata["big"] as? String, "18446744073709551615", "beyond Int: a string, not a rounded number")
        XCTAssertEqual(metadata["f"] as? Double, 0.25)
        XCTAssertEqual(metadata["nan"] as? String, "nan", "not a JSON number: a string")
        XCTAssertEqual(metadata["yes"] as? Bool, true)
        XCTAssertEqual(metadata["list"] as? [AnyHashable], ["a", 2])
        XCTAssertEqual(metadata["dict"] as? [String: String], ["k": "v"])
    }

    // MARK: - the handler

    func testHandlerMergesMetadataAndFiltersByLevel() throws {
        let lines = LineCollector()
        var logger = Logger(label: "test") { _ in
            StandardErrorLogHandler(format: .json, level: .notice, output: { lines.append($0) })
        }
        logger[metadataKey: "node"] = "a"
        logger[metadataKey: "id"] = "from-logger"
        logger.info("dropped")
        logger.notice("kept", metadata: ["id": "7"])
        logger.error("failed", error: TestError())
        let records = try lines.all.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) }
        XCTAssertEqual(records.map { $0["message"] as? String }, ["kept", "failed"])
        let first = try XCTUnwrap(records[0]["metadata"] as? [String: String])
        XCTAssertEqual(first, ["node": "a", "id": "7"], "the record's own metadata wins over the logger's")
        XCTAssertEqual((records[1]["metadata"] as? [String: String])?["error"], "the disk is on fire")
        let timestamp = try XCTUnwrap(records[0]["ts"] as? String)
        XCTAssertNotNil(timestamp.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression))
    }
}

private struct TestError: Error, CustomStringConvertible {
    var description: String { "the disk is on fire" }
}

/// Lines a handler wrote, from any thread.
private final class LineCollector: @unchecked Sendable {
    // @unchecked Sendable: `lines` is only touched with `lock` held.
    private let lock = NSLock()
    private var lines: [[UInt8]] = []
    func append(_ line: [UInt8]) { lock.withLock { lines.append(line) } }
    var all: [[UInt8]] { lock.withLock { lines } }
}
