// A strict RFC 8259 JSON parser over UTF-8 bytes, in one pass.
//
// Strict because the input comes from clients: no comments, trailing commas, leading
// zeros, `NaN`, single quotes or raw control characters in strings, and strings must be
// valid UTF-8 with paired surrogate escapes. Nesting is limited so hostile input cannot
// exhaust the stack. Choices the RFC leaves open, made as JavaScript's `JSON.parse` makes them:
// - a duplicate key keeps its first position and takes the last value;
// - numbers too large for a double become infinity (GraphQL's Float coercion rejects it).
// Numbers without fraction or exponent that fit `Int` become `.int` (so `-0` is `.int(0)`),
// all others `.double`.

/// Why JSON text could not be parsed, and the byte offset where the problem was found.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong and where, e.g. `Unexpected character '}' at offset 12, expected a value`.
    public var message: String
    /// Byte offset into the input.
    public var offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}

extension JSON {
    /// The deepest nesting of arrays and objects `parse` accepts.
    public static let maxParseDepth = 512

    /// Parses one JSON value (RFC 8259), optionally surrounded by whitespace.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSON {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) -> JSON in
                var parser = JSONParser(buffer)
                return try parser.parseDocument()
            }
        }
        return try result.get()
    }

    /// Parses one JSON value from the UTF-8 of `string`.
    public static func parse(_ string: String) throws(JSONParseError) -> JSON {
        var string = string
        let result = string.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> JSON in
                var parser = JSONParser(buffer)
                return try parser.parseDocument()
            }
        }
        return try result.get()
    }
}

private enum Byte {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
}

struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos = 0
    private var depth = 0
    /// Reused for strings that contain escapes, so each one does not allocate a buffer.
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// JSON-text = ws value ws
    mutating func parseDocument() throws(JSONParseError) -> JSON {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if pos < bytes.count {
            throw JSONParseError("Trailing characters after JSON value at offset \(pos)", offset: pos)
        }
        return value
    }

    /// value = false / null / true / object / array / number / string
    private mutating func parseValue() throws(JSONParseError) -> JSON {
        guard pos < bytes.count else { throw endOfInput() }
        switch bytes[pos] {
        case Byte.openBrace: return try parseObject()
        case Byte.openBracket: return try parseArray()
        case Byte.quote: return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case Byte.minus, Byte.zero...Byte.nine:
            return try parseNumber()
        default:
            throw unexpected(expected: "a value")
        }
    }

    /// array = begin-array [ value *( value-separator value ) ] end-array
    private mutating func parseArray() throws(JSONParseError) -> JSON {
        try enterNesting()
        pos += 1
        skipWhitespace()
        var items: [JSON] = []
        if pos < bytes.count && bytes[pos] == Byte.closeBracket {
            pos += 1
            depth -= 1
            return .array(items)
        }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            guard pos < bytes.count else { throw endOfInput() }
            let b = bytes[pos]
            if b == Byte.comma {
                pos += 1
                skipWhitespace()
            } else if b == Byte.closeBracket {
                pos += 1
                depth -= 1
                return .array(items)
            } else {
                throw unexpected(expected: "',' or ']'")
            }
        }
    }

    /// object = begin-object [ member *( value-separator member ) ] end-object
    /// member = string name-separator value
    private mutating func parseObject() throws(JSONParseError) -> JSON {
        try enterNesting()
        pos += 1
        skipWhitespace()
        var entries: [(key: String, value: JSON)] = []
        // Built only for large objects, where a linear duplicate check would be quadratic.
        var index: [String: Int]? = nil
        if pos < bytes.count && bytes[pos] == Byte.closeBrace {
            pos += 1
            depth -= 1
            return .object(JSONObject(entries))
        }
        while true {
            guard pos < bytes.count else { throw endOfInput() }
            guard bytes[pos] == Byte.quote else { throw unexpected(expected: "a string key") }
            let key = try parseString()
            skipWhitespace()
            guard pos < bytes.count else { throw endOfInput() }
            guard bytes[pos] == Byte.colon else { throw unexpected(expected: "':'") }
            pos += 1
            skipWhitespace()
            let value = try parseValue()

            if entries.count < 16 {
                if let i = entries.firstIndex(where: { $0.key == key }) {
                    entries[i].value = value
                } else {
                    entries.append((key: key, value: value))
                }
            } else {
                if index == nil {
                    var built: [String: Int] = [:]
                    for (i, e) in entries.enumerated() { built[e.key] = i }
                    index = built
                }
                if let i = index![key] {
                    entries[i].value = value
                } else {
                    index![key] = entries.count
                    entries.append((key: key, value: value))
                }
            }

            skipWhitespace()
            guard pos < bytes.count else { throw endOfInput() }
            let b = bytes[pos]
            if b == Byte.comma {
                pos += 1
                skipWhitespace()
            } else if b == Byte.closeBrace {
                pos += 1
                depth -= 1
                return .object(JSONObject(entries))
            } else {
                throw unexpected(expected: "',' or '}'")
            }
        }
    }

    private mutating func enterNesting() throws(JSONParseError) {
        depth += 1
        if depth > JSON.maxParseDepth {
            throw JSONParseError("Nesting deeper than \(JSON.maxParseDepth) levels at offset \(pos)", offset: pos)
        }
    }

    /// string = quotation-mark *char quotation-mark
    ///
    /// Runs without escapes become the String directly from the input bytes; the scratch
    /// buffer is used only once an escape is seen.
    private mutating func parseString() throws(JSONParseError) -> String {
        let quoteOffset = pos
        pos += 1
        var runStart = pos
        var escaped = false
        while true {
            guard pos < bytes.count else {
                throw JSONParseError("Unterminated string at offset \(quoteOffset)", offset: quoteOffset)
            }
            let b = bytes[pos]
            if b >= 0x20 && b < 0x80 && b != Byte.quote && b != Byte.backslash {
                pos += 1
            } else if b == Byte.quote {
                let result: String
                if escaped {
                    scratch.append(contentsOf: bytes[runStart..<pos])
                    result = String(decoding: scratch, as: UTF8.self)
                } else {
                    result = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]), as: UTF8.self)
                }
                pos += 1
                return result
            } else if b == Byte.backslash {
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: bytes[runStart..<pos])
                try parseEscape(stringStart: quoteOffset)
                runStart = pos
            } else if b < 0x20 {
                throw JSONParseError(
                    "Unescaped control character \(codePointName(UInt32(b))) in string at offset \(pos)", offset: pos)
            } else {
                guard let length = utf8SequenceLength(at: pos) else {
                    throw JSONParseError("Invalid UTF-8 at offset \(pos)", offset: pos)
                }
                pos += length
            }
        }
    }

    /// escape = %x5C ( %x22 / %x5C / %x2F / %x62 / %x66 / %x6E / %x72 / %x74 / %x75 4HEXDIG )
    /// Appends the escaped character's UTF-8 to `scratch`.
    private mutating func parseEscape(stringStart: Int) throws(JSONParseError) {
        let escapeOffset = pos
        guard pos + 1 < bytes.count else {
            throw JSONParseError("Unterminated string at offset \(stringStart)", offset: stringStart)
        }
        let c = bytes[pos + 1]
        pos += 2
        switch c {
        case Byte.quote, Byte.backslash, UInt8(ascii: "/"): scratch.append(c)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4(escapeOffset: escapeOffset)
            if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw loneSurrogate(scalar, at: escapeOffset)
            }
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                // A high surrogate must be followed at once by an escaped low surrogate.
                guard pos + 1 < bytes.count, bytes[pos] == Byte.backslash, bytes[pos + 1] == UInt8(ascii: "u") else {
                    throw loneSurrogate(scalar, at: escapeOffset)
                }
                let lowOffset = pos
                pos += 2
                let low = try parseHex4(escapeOffset: lowOffset)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw loneSurrogate(scalar, at: escapeOffset)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            appendUTF8(scalar)
        default:
            pos = escapeOffset
            throw JSONParseError("Invalid escape '\\\(describe(at: escapeOffset + 1, quoted: false))' at offset \(escapeOffset)", offset: escapeOffset)
        }
    }

    /// Four hex digits after `\u`; `pos` is on the first one.
    private mutating func parseHex4(escapeOffset: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard pos < bytes.count, let digit = jsonHexValue(bytes[pos]) else {
                throw JSONParseError(
                    "Invalid Unicode escape at offset \(escapeOffset): '\\u' must be followed by four hex digits",
                    offset: escapeOffset)
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    private func loneSurrogate(_ unit: UInt32, at offset: Int) -> JSONParseError {
        let hex = String(unit, radix: 16, uppercase: true)
        return JSONParseError("Invalid escape: lone surrogate \\u\(hex) at offset \(offset)", offset: offset)
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            scratch.append(UInt8(scalar))
        case ..<0x800:
            scratch.append(0xC0 | UInt8(scalar >> 6))
            scratch.append(0x80 | UInt8(scalar & 0x3F))
        case ..<0x10000:
            scratch.append(0xE0 | UInt8(scalar >> 12))
            scratch.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(scalar & 0x3F))
        default:
            scratch.append(0xF0 | UInt8(scalar >> 18))
            scratch.append(0x80 | UInt8((scalar >> 12) & 0x3F))
            scratch.append(0x80 | UInt8((scalar >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(scalar & 0x3F))
        }
    }

    /// The length of the well-formed UTF-8 sequence starting at `offset` (its first byte
    /// is non-ASCII), or nil when it is ill-formed: overlong, a surrogate, above U+10FFFF,
    /// or cut short.
    private func utf8SequenceLength(at offset: Int) -> Int? {
        let b0 = bytes[offset]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        let b1 = bytes[offset + 1]
        guard b1 >= secondLow && b1 <= secondHigh else { return nil }
        for i in 2..<length where bytes[offset + i] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }

    /// number = [ minus ] int [ frac ] [ exp ]
    private mutating func parseNumber() throws(JSONParseError) -> JSON {
        let start = pos
        let negative = bytes[pos] == Byte.minus
        if negative { pos += 1 }
        guard pos < bytes.count else { throw endOfInput() }

        // int = zero / ( digit1-9 *DIGIT ), accumulated negatively so Int.min fits.
        var accumulator = 0
        var overflow = false
        let first = bytes[pos]
        if first == Byte.zero {
            pos += 1
            if pos < bytes.count && isJSONDigit(bytes[pos]) {
                throw JSONParseError("Leading zeros are not allowed in numbers at offset \(start)", offset: start)
            }
        } else if isJSONDigit(first) {
            while pos < bytes.count && isJSONDigit(bytes[pos]) {
                if !overflow {
                    let (times10, o1) = accumulator.multipliedReportingOverflow(by: 10)
                    let (next, o2) = times10.subtractingReportingOverflow(Int(bytes[pos] - Byte.zero))
                    if o1 || o2 { overflow = true } else { accumulator = next }
                }
                pos += 1
            }
        } else {
            throw unexpected(expected: "a digit")
        }

        var isInteger = true
        var fractionDigits = 0
        if pos < bytes.count && bytes[pos] == Byte.dot {
            isInteger = false
            pos += 1
            let fractionStart = pos
            while pos < bytes.count && isJSONDigit(bytes[pos]) {
                if !overflow {
                    let (times10, o1) = accumulator.multipliedReportingOverflow(by: 10)
                    let (next, o2) = times10.subtractingReportingOverflow(Int(bytes[pos] - Byte.zero))
                    if o1 || o2 { overflow = true } else { accumulator = next }
                }
                pos += 1
            }
            fractionDigits = pos - fractionStart
            if fractionDigits == 0 {
                guard pos < bytes.count else { throw endOfInput() }
                throw unexpected(expected: "a digit after the decimal point")
            }
        }

        var exponent = 0
        if pos < bytes.count && (bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E")) {
            isInteger = false
            pos += 1
            var exponentNegative = false
            if pos < bytes.count && (bytes[pos] == Byte.plus || bytes[pos] == Byte.minus) {
                exponentNegative = bytes[pos] == Byte.minus
                pos += 1
            }
            let exponentStart = pos
            while pos < bytes.count && isJSONDigit(bytes[pos]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[pos] - Byte.zero) }
                pos += 1
            }
            if pos == exponentStart {
                guard pos < bytes.count else { throw endOfInput() }
                throw unexpected(expected: "a digit in the exponent")
            }
            if exponentNegative { exponent = -exponent }
        }

        if isInteger && !overflow {
            if negative { return .int(accumulator) }
            if accumulator != Int.min { return .int(-accumulator) }
        }
        // Clinger's fast path: a mantissa below 2^53 and a power of ten up to 10^22 are both
        // exact doubles, so one multiplication or division rounds correctly.
        let decimalExponent = exponent - fractionDigits
        if !overflow && accumulator > -(1 << 53) && abs(decimalExponent) <= 22 {
            let mantissa = Double(-accumulator)
            let magnitude = decimalExponent >= 0
                ? mantissa * powersOfTen[decimalExponent] : mantissa / powersOfTen[-decimalExponent]
            return .double(negative ? -magnitude : magnitude)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        return .double(Double(text) ?? .nan)
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        for i in 0..<count {
            guard pos < bytes.count else { throw endOfInput() }
            guard bytes[pos] == literal.utf8Start[i] else {
                throw unexpected(expected: "'\(literal)'")
            }
            pos += 1
        }
    }

    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    // MARK: - Errors

    private func endOfInput() -> JSONParseError {
        JSONParseError("Unexpected end of input at offset \(bytes.count)", offset: bytes.count)
    }

    /// An error for the character at `pos`, which is not what the grammar allows there.
    private func unexpected(expected: String) -> JSONParseError {
        if bytes[pos] >= 0x80 && utf8SequenceLength(at: pos) == nil {
            return JSONParseError("Invalid UTF-8 at offset \(pos)", offset: pos)
        }
        return JSONParseError(
            "Unexpected character \(describe(at: pos, quoted: true)) at offset \(pos), expected \(expected)", offset: pos)
    }

    /// How to show the character at `offset` in a message: printable characters as
    /// themselves (in quotes when `quoted`), others as `U+XXXX`.
    private func describe(at offset: Int, quoted: Bool) -> String {
        let b = bytes[offset]
        var scalar = UInt32(b)
        if b >= 0x80 {
            guard let length = utf8SequenceLength(at: offset) else { return String(format2: b) }
            scalar = UInt32(b) & (0xFF >> (length + 1))
            for i in 1..<length { scalar = scalar << 6 | UInt32(bytes[offset + i] & 0x3F) }
        }
        if scalar < 0x20 || scalar == 0x7F || (scalar >= 0x80 && scalar < 0xA0) || scalar == 0xFEFF
            || scalar == 0x2028 || scalar == 0x2029
        {
            return codePointName(scalar)
        }
        let text = String(Unicode.Scalar(scalar).map(Character.init) ?? "?")
        return quoted ? "'\(text)'" : text
    }

    private func codePointName(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension String {
    /// A byte as `0xAB`, for bytes that are not characters.
    fileprivate init(format2 byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = "0x" + (hex.count < 2 ? "0" : "") + hex
    }
}

@inline(__always)
private func isJSONDigit(_ b: UInt8) -> Bool { b &- Byte.zero < 10 }

@inline(__always)
private func jsonHexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case Byte.zero...Byte.nine: return UInt32(b - Byte.zero)
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
    default: return nil
    }
}

private let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]
