// JSON strings: escapes, surrogate pairs and UTF-8 validation.

extension JSONParser {
    /// string = quotation-mark *char quotation-mark
    ///
    /// Runs without escapes become the String directly from the input bytes; the scratch
    /// buffer is used only once an escape is seen.
    mutating func parseString() throws(JSONParseError) -> String {
        let quoteOffset = pos
        pos += 1
        var runStart = pos
        var escaped = false
        while true {
            guard pos < bytes.count else {
                throw JSONParseError("Unterminated string at offset \(quoteOffset)", offset: quoteOffset)
            }
            let b = bytes[pos]
            if b >= 0x20 && b < 0x80 && b != JSONByte.quote && b != JSONByte.backslash {
                pos += 1
            } else if b == JSONByte.quote {
                let result: String
                if escaped {
                    scratch.append(contentsOf: bytes[runStart..<pos])
                    result = String(decoding: scratch, as: UTF8.self)
                } else {
                    result = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]), as: UTF8.self)
                }
                pos += 1
                return result
            } else if b == JSONByte.backslash {
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
        case JSONByte.quote, JSONByte.backslash, UInt8(ascii: "/"): scratch.append(c)
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
                guard pos + 1 < bytes.count, bytes[pos] == JSONByte.backslash, bytes[pos + 1] == UInt8(ascii: "u") else {
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
    func utf8SequenceLength(at offset: Int) -> Int? {
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
}

@inline(__always)
private func jsonHexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case JSONByte.zero...JSONByte.nine: return UInt32(b - JSONByte.zero)
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
    default: return nil
    }
}
