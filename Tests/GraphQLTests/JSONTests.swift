import XCTest
@testable import GraphQL

/// Encoding follows JavaScript's `JSON.stringify` (expected texts below were printed by
/// Node); parsing is strict RFC 8259 with JavaScript's choices where the RFC leaves room.
final class JSONTests: XCTestCase {

    // MARK: - Encoding strings

    func testEveryControlCharacterIsEscapedAsJavaScriptDoes() {
        let expected = [
            "\"\\u0000\"", "\"\\u0001\"", "\"\\u0002\"", "\"\\u0003\"", "\"\\u0004\"", "\"\\u0005\"",
            "\"\\u0006\"", "\"\\u0007\"", "\"\\b\"", "\"\\t\"", "\"\\n\"", "\"\\u000b\"", "\"\\f\"", "\"\\r\"",
            "\"\\u000e\"", "\"\\u000f\"", "\"\\u0010\"", "\"\\u0011\"", "\"\\u0012\"", "\"\\u0013\"",
            "\"\\u0014\"", "\"\\u0015\"", "\"\\u0016\"", "\"\\u0017\"", "\"\\u0018\"", "\"\\u0019\"",
            "\"\\u001a\"", "\"\\u001b\"", "\"\\u001c\"", "\"\\u001d\"", "\"\\u001e\"", "\"\\u001f\"",
        ]
        for code in 0..<32 {
            let s = String(Character(Unicode.Scalar(UInt8(code))))
            XCTAssertEqual(JSON.string(s).encodedString(), expected[code], "U+\(code)")
            XCTAssertEqual(try JSON.parse(expected[code]), .string(s), "U+\(code) round trip")
        }
    }

    func testStringEscaping() {
        let cases: [(String, String)] = [
            ("", #""""#),
            ("plain", #""plain""#),
            ("quote\"back\\slash", #""quote\"back\\slash""#),
            ("slash/is/raw", #""slash/is/raw""#),
            ("\u{7F} DEL is raw", "\"\u{7F} DEL is raw\""),
            ("line\u{2028}para\u{2029}", #""line\u2028para\u2029""#),
            ("caf\u{E9} \u{4E2D}\u{6587}", "\"caf\u{E9} \u{4E2D}\u{6587}\""),
            ("emoji \u{1F600} and flag \u{1F1EB}\u{1F1F7}", "\"emoji \u{1F600} and flag \u{1F1EB}\u{1F1F7}\""),
            // E2 bytes that are not U+2028/2029 stay raw (U+2020 dagger, U+20AC euro).
            ("\u{2020}\u{20AC}\u{2027}\u{202A}", "\"\u{2020}\u{20AC}\u{2027}\u{202A}\""),
            ("ends with newline\n", #""ends with newline\n""#),
            ("\"", #""\"""#),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(JSON.string(input).encodedString(), expected)
            XCTAssertEqual(try JSON.parse(expected), .string(input))
        }
    }

    func testLongStringWithRareEscapesCopiesRuns() {
        let chunk = String(repeating: "abcdefgh\u{E9}", count: 1000)
        let input = chunk + "\n" + chunk + "\"" + chunk
        let expected = "\"" + chunk + "\\n" + chunk + "\\\"" + chunk + "\""
        XCTAssertEqual(JSON.string(input).encodedString(), expected)
    }

    /// The writer scans eight bytes at a time; put each kind of special character at every
    /// position of strings around that width and compare with a character-by-character escape.
    func testEscapingAtEveryPositionOfTheWordScan() {
        func reference(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                case "\u{8}": out += "\\b"
                case "\u{C}": out += "\\f"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u00" + (hex.count == 1 ? "0" : "") + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        let specials = ["\"", "\\", "\n", "\u{0}", "\u{1F}", " ", "~", "\u{7F}", "\u{E9}", "\u{2028}", "\u{2029}", "\u{2020}", "\u{1F600}"]
        for length in 0..<20 {
            for position in 0...length {
                for special in specials {
                    let s = String(repeating: "a", count: position) + special + String(repeating: "b", count: length - position)
                    XCTAssertEqual(JSON.string(s).encodedString(), reference(s), s.debugDescription)
                }
            }
        }
    }

    func testWriterHelpersAppendToExistingBytes() {
        var out = Array("x=".utf8)
        JSONWriter.writeString("a\tb", into: &out)
        out.append(UInt8(ascii: ","))
        JSONWriter.writeInt(-12, into: &out)
        out.append(UInt8(ascii: ","))
        JSONWriter.writeDouble(2.5, into: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), #"x="a\tb",-12,2.5"#)
    }

    // MARK: - Encoding numbers

    func testIntegers() {
        let cases: [(Int, String)] = [
            (0, "0"), (7, "7"), (-1, "-1"), (10, "10"), (42, "42"), (-100, "-100"),
            (1_000_000, "1000000"),
            (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(JSON.int(value).encodedString(), expected)
            XCTAssertEqual(try JSON.parse(expected), .int(value))
        }
    }

    /// Expected texts are Node's `JSON.stringify` of the same doubles.
    func testDoublesPrintLikeJavaScript() {
        let cases: [(Double, String)] = [
            (0.1, "0.1"), (1.5, "1.5"), (-1.5, "-1.5"),
            (1e21, "1e+21"), (1e-7, "1e-7"), (1e-6, "0.000001"), (123e-9, "1.23e-7"),
            (-0.0, "0"), (0.0, "0"), (3.0, "3"), (100, "100"), (-42.0, "-42"),
            (1e20, "100000000000000000000"), (1.2345678901234568e+20, "123456789012345680000"),
            (9007199254740992, "9007199254740992"), (9007199254740994, "9007199254740994"),
            (9223372036854775808, "9223372036854776000"),
            (1.7976931348623157e308, "1.7976931348623157e+308"), (Double.leastNonzeroMagnitude, "5e-324"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (0.000001234, "0.000001234"), (123456.789, "123456.789"),
            (1.0 / 3.0, "0.3333333333333333"), (-2.0 / 3.0, "-0.6666666666666666"),
            (1e15, "1000000000000000"), (1e16, "10000000000000000"),
            (1.5e300, "1.5e+300"), (-1e-300, "-1e-300"), (4.35, "4.35"),
            (0.30000000000000004, "0.30000000000000004"),
            (123456789012345678901234.0, "1.2345678901234569e+23"),
            (1e100, "1e+100"), (-1.25e-10, "-1.25e-10"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(JSON.double(value).encodedString(), expected, "\(value)")
        }
    }

    func testNonFiniteDoublesEncodeAsNull() {
        XCTAssertEqual(JSON.double(.infinity).encodedString(), "null")
        XCTAssertEqual(JSON.double(-.infinity).encodedString(), "null")
        XCTAssertEqual(JSON.double(.nan).encodedString(), "null")
        XCTAssertEqual(JSON.array([.double(.nan), .int(1)]).encodedString(), "[null,1]")
    }

    func testEncodedDoublesReadBackAsTheSameDouble() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
                * (Bool.random() ? 1 : -1)
            let text = JSON.double(value).encodedString()
            switch try JSON.parse(text) {
            case .double(let d): XCTAssertEqual(d, value, text)
            case .int(let i): XCTAssertEqual(Double(i), value, text)
            default: XCTFail(text)
            }
        }
    }

    // MARK: - Encoding structure

    func testStructuresKeepKeyOrder() {
        let value: JSON = .object([
            "zeta": .int(1),
            "alpha": .array([.null, .bool(true), .bool(false), .string("s"), .array([]), .object([:])]),
            "middle": .object(["b": .double(0.5), "a": .int(-3)]),
        ])
        XCTAssertEqual(
            value.encodedString(),
            #"{"zeta":1,"alpha":[null,true,false,"s",[],{}],"middle":{"b":0.5,"a":-3}}"#)
        XCTAssertEqual(value.encoded(), Array(value.encodedString().utf8))
    }

    func testKeysAreEscaped() {
        let value: JSON = .object(["a\"b\n": .null])
        XCTAssertEqual(value.encodedString(), #"{"a\"b\n":null}"#)
    }

    // MARK: - Parsing

    func testParsesValues() throws {
        let cases: [(String, JSON)] = [
            ("null", .null), ("true", .bool(true)), ("false", .bool(false)),
            ("0", .int(0)), ("-0", .int(0)), ("42", .int(42)), ("-17", .int(-17)),
            ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
            ("9223372036854775808", .double(9223372036854775808.0)),
            ("-9223372036854775809", .double(-9223372036854775809.0)),
            ("12345678901234567890", .double(12345678901234567890.0)),
            ("99999999999999999999999999999", .double(1e29)),
            ("1.0", .double(1)), ("1.5", .double(1.5)), ("-0.0", .double(-0.0)), ("0.1", .double(0.1)),
            ("1e2", .double(100)), ("1E2", .double(100)), ("1e+2", .double(100)), ("1e-2", .double(0.01)),
            ("0.1e1", .double(1)), ("123.456e-2", .double(1.23456)),
            ("0.30000000000000004", .double(0.30000000000000004)),
            ("1.7976931348623157e308", .double(1.7976931348623157e308)), ("4.9e-324", .double(.leastNonzeroMagnitude)),
            ("1e-400", .double(0)), ("1e400", .double(.infinity)), ("-1e400", .double(-.infinity)),
            ("3.141592653589793238462643383279", .double(3.141592653589793)),
            ("\"\"", .string("")), (#""a\"\\\/\b\f\n\r\t""#, .string("a\"\\/\u{8}\u{C}\n\r\t")),
            (#""\u0041\u00e9\u4E2D\u0000""#, .string("A\u{E9}\u{4E2D}\u{0}")),
            (#""\uD83D\uDE00 \ud83d\ude00""#, .string("\u{1F600} \u{1F600}")),
            ("\"raw \u{1F600} caf\u{E9}\"", .string("raw \u{1F600} caf\u{E9}")),
            ("[]", .array([])), ("{}", .object([:])),
            (" \t\r\n[ 1 , \"two\" , [ null ] , { } ] \n", .array([.int(1), .string("two"), .array([.null]), .object([:])])),
            (#"{"b":1,"a":{"c":[true]}}"#, .object(["b": .int(1), "a": .object(["c": .array([.bool(true)])])])),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try JSON.parse(text), expected, text)
            XCTAssertEqual(try JSON.parse(Array(text.utf8)), expected, text)
        }
    }

    func testDoubleParsingIsCorrectlyRounded() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            let text = "\(value)"  // Swift's shortest round-trip text, e.g. 1.2345e-300
            XCTAssertEqual(try JSON.parse(text), text.contains(where: { $0 == "." || $0 == "e" }) ? .double(value) : .int(Int(value)), text)
        }
    }

    func testDuplicateKeysKeepFirstPositionAndLastValue() throws {
        XCTAssertEqual(
            try JSON.parse(#"{"a":1,"b":2,"a":3}"#).encodedString(), #"{"a":3,"b":2}"#)
        // Past 16 keys the parser switches to a hashed index; the behaviour must not change.
        var text = "{"
        for i in 0..<40 { text += "\"k\(i)\":\(i)," }
        text += #""k3":"x","k39":"y","k0":"z"}"#
        guard case .object(let object) = try JSON.parse(text) else { return XCTFail() }
        XCTAssertEqual(object.count, 40)
        XCTAssertEqual(object.keys, (0..<40).map { "k\($0)" })
        XCTAssertEqual(object["k0"], .string("z"))
        XCTAssertEqual(object["k3"], .string("x"))
        XCTAssertEqual(object["k39"], .string("y"))
        XCTAssertEqual(object["k20"], .int(20))
    }

    func testRoundTrips() throws {
        let texts = [
            #"{"data":{"messages":[{"id":"1","text":"hi\n\"there\"","score":1.5,"n":-3,"tags":[],"meta":null}]}}"#,
            #"[0,-1,9223372036854775807,-9223372036854775808,0.1,1e+21,1e-7,true,false,null,"",{}]"#,
            #"{"unicode":"caf\u00e9 — 😀","ctl":"\u0000\u001f","ls":"\u2028"}"#
                .replacingOccurrences(of: #"\u00e9"#, with: "\u{E9}"),
        ]
        for text in texts {
            let value = try JSON.parse(text)
            XCTAssertEqual(value.encodedString(), text)
            XCTAssertEqual(try JSON.parse(value.encoded()), value)
        }
    }

    // MARK: - Parse errors

    func testParseErrors() {
        let cases: [(input: [UInt8], message: String, offset: Int)] = [
            (bytes(""), "Unexpected end of input at offset 0", 0),
            (bytes("   "), "Unexpected end of input at offset 3", 3),
            (bytes(#"{"a":1,"b":2,}"#), "Unexpected character '}' at offset 13, expected a string key", 13),
            (bytes("[1,2,]"), "Unexpected character ']' at offset 5, expected a value", 5),
            (bytes("[1 2]"), "Unexpected character '2' at offset 3, expected ',' or ']'", 3),
            (bytes(#"{"a" 1}"#), "Unexpected character '1' at offset 5, expected ':'", 5),
            (bytes(#"{"a":1 "b":2}"#), "Unexpected character '\"' at offset 7, expected ',' or '}'", 7),
            (bytes("{a:1}"), "Unexpected character 'a' at offset 1, expected a string key", 1),
            (bytes("{'a':1}"), "Unexpected character ''' at offset 1, expected a string key", 1),
            (bytes("[1,"), "Unexpected end of input at offset 3", 3),
            (bytes(#"{"a":"#), "Unexpected end of input at offset 5", 5),
            (bytes("[1"), "Unexpected end of input at offset 2", 2),
            (bytes(#""abc"#), "Unterminated string at offset 0", 0),
            (bytes(#"[1, "abc\"]"#), "Unterminated string at offset 4", 4),
            (bytes(#""abc\"#), "Unterminated string at offset 0", 0),
            (bytes("\"a\nb\""), "Unescaped control character U+000A in string at offset 2", 2),
            (bytes("\"\t\""), "Unescaped control character U+0009 in string at offset 1", 1),
            (bytes(#""\x""#), "Invalid escape '\\x' at offset 1", 1),
            (bytes(#""ab\'""#), "Invalid escape '\\'' at offset 3", 3),
            (bytes(#""\u12G4""#), "Invalid Unicode escape at offset 1: '\\u' must be followed by four hex digits", 1),
            (bytes(#""\u12""#), "Invalid Unicode escape at offset 1: '\\u' must be followed by four hex digits", 1),
            (bytes(#""\uD800""#), "Invalid escape: lone surrogate \\uD800 at offset 1", 1),
            (bytes(#""\uD800x""#), "Invalid escape: lone surrogate \\uD800 at offset 1", 1),
            (bytes(#""\uD800\u0041""#), "Invalid escape: lone surrogate \\uD800 at offset 1", 1),
            (bytes(#""x\uDC00""#), "Invalid escape: lone surrogate \\uDC00 at offset 2", 2),
            ([0x22, 0xC0, 0x80, 0x22], "Invalid UTF-8 at offset 1", 1),  // overlong NUL
            ([0x22, 0xED, 0xA0, 0x80, 0x22], "Invalid UTF-8 at offset 1", 1),  // encoded surrogate
            ([0x22, 0x61, 0xF5, 0x80, 0x80, 0x80, 0x22], "Invalid UTF-8 at offset 2", 2),  // above U+10FFFF
            ([0x22, 0xE2, 0x82, 0x22], "Invalid UTF-8 at offset 1", 1),  // cut short
            ([0x22, 0xF0, 0x9F, 0x98], "Invalid UTF-8 at offset 1", 1),  // cut short at end
            ([0x22, 0x80, 0x22], "Invalid UTF-8 at offset 1", 1),  // lone continuation byte
            ([0xFF], "Invalid UTF-8 at offset 0", 0),
            (bytes("\u{FEFF}{}"), "Unexpected character U+FEFF at offset 0, expected a value", 0),
            (bytes("\u{E9}"), "Unexpected character '\u{E9}' at offset 0, expected a value", 0),
            (bytes("01"), "Leading zeros are not allowed in numbers at offset 0", 0),
            (bytes("[-012]"), "Leading zeros are not allowed in numbers at offset 1", 1),
            (bytes("-"), "Unexpected end of input at offset 1", 1),
            (bytes("-a"), "Unexpected character 'a' at offset 1, expected a digit", 1),
            (bytes("+1"), "Unexpected character '+' at offset 0, expected a value", 0),
            (bytes(".5"), "Unexpected character '.' at offset 0, expected a value", 0),
            (bytes("1."), "Unexpected end of input at offset 2", 2),
            (bytes("1.e3"), "Unexpected character 'e' at offset 2, expected a digit after the decimal point", 2),
            (bytes("1e"), "Unexpected end of input at offset 2", 2),
            (bytes("1e+x"), "Unexpected character 'x' at offset 3, expected a digit in the exponent", 3),
            (bytes("NaN"), "Unexpected character 'N' at offset 0, expected a value", 0),
            (bytes("-Infinity"), "Unexpected character 'I' at offset 1, expected a digit", 1),
            (bytes("tru"), "Unexpected end of input at offset 3", 3),
            (bytes("trux"), "Unexpected character 'x' at offset 3, expected 'true'", 3),
            (bytes("nul1"), "Unexpected character '1' at offset 3, expected 'null'", 3),
            (bytes("True"), "Unexpected character 'T' at offset 0, expected a value", 0),
            (bytes("[1] x"), "Trailing characters after JSON value at offset 4", 4),
            (bytes("{}{}"), "Trailing characters after JSON value at offset 2", 2),
            (bytes("1 2"), "Trailing characters after JSON value at offset 2", 2),
            (bytes("[1] // comment"), "Trailing characters after JSON value at offset 4", 4),
            (bytes("[/* c */ 1]"), "Unexpected character '/' at offset 1, expected a value", 1),
            (bytes("[\u{0}]"), "Unexpected character U+0000 at offset 1, expected a value", 1),
        ]
        for (input, message, offset) in cases {
            let text = String(decoding: input, as: UTF8.self)
            do {
                let value = try JSON.parse(input)
                XCTFail("\(text) parsed as \(value)")
            } catch {
                XCTAssertEqual(error.message, message, text)
                XCTAssertEqual(error.offset, offset, text)
                XCTAssertEqual(error.description, message)
            }
        }
    }

    // MARK: - Limits and size

    func testNestingLimit() throws {
        let deepestArray = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        XCTAssertNoThrow(try JSON.parse(deepestArray))
        let deepestObject = String(repeating: #"{"a":"#, count: 511) + "[]" + String(repeating: "}", count: 511)
        XCTAssertNoThrow(try JSON.parse(deepestObject))

        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        XCTAssertThrowsError(try JSON.parse(tooDeep)) { error in
            XCTAssertEqual((error as? JSONParseError)?.message, "Nesting deeper than 512 levels at offset 512")
            XCTAssertEqual((error as? JSONParseError)?.offset, 512)
        }
        // A hostile document far deeper than the stack could take fails the same way.
        let hostile = String(repeating: #"{"a":["#, count: 100_000)
        XCTAssertThrowsError(try JSON.parse(hostile)) { error in
            XCTAssertEqual((error as? JSONParseError)?.message, "Nesting deeper than 512 levels at offset 1536")
        }
    }

    func testBigInputs() throws {
        let count = 100_000
        let array = JSON.array((0..<count).map { i in
            .object(["id": .int(i), "name": .string("item \(i) \u{1F600}"), "score": .double(Double(i) + 0.125)])
        })
        let bytes = array.encoded()
        XCTAssertGreaterThan(bytes.count, 4_000_000)
        let parsed = try JSON.parse(bytes)
        // Compared with XCTAssertTrue: a failure message would print megabytes.
        XCTAssertTrue(parsed == array)
        XCTAssertTrue(parsed.encoded() == bytes)

        let longString = String(repeating: "0123456789abcdef\u{E9}\\\"", count: 65_536)
        let encoded = JSON.string(longString).encoded()
        XCTAssertTrue(try JSON.parse(encoded) == .string(longString))

        let wideObject = JSON.object(JSONObject((0..<20_000).map { (key: "key\($0)", value: JSON.int($0)) }))
        XCTAssertTrue(try JSON.parse(wideObject.encoded()) == wideObject)
    }

    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
}
