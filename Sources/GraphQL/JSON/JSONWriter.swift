// Serialising JSON to UTF-8 bytes.
//
// Output follows JavaScript's `JSON.stringify` because GraphQL clients are mostly
// JavaScript and compare what they print with what we send:
// - strings: `"` and `\` escaped, control characters below U+0020 as `\b \t \n \f \r`
//   or `\u00XX`; everything else raw UTF-8, except U+2028 and U+2029, which are escaped
//   so the output can also be pasted into JavaScript source (ES2019 `JSON.stringify`
//   leaves them raw; escaping them is still valid JSON and decodes to the same string);
// - numbers: JavaScript's `Number.prototype.toString` (integral values without a
//   fraction, `3` not `3.0`; exponent form below 1e-6 and from 1e21: `1e-7`, `1e+21`;
//   `-0` prints as `0`); non-finite doubles are not JSON, so they print `null` as
//   `JSON.stringify` does;
// - object keys in insertion order, no whitespace.

extension JSON {
    /// Appends this value's JSON text to `out`.
    public func encode(into out: inout [UInt8]) {
        switch self {
        case .null: JSONWriter.writeNull(into: &out)
        case .bool(let b): JSONWriter.writeBool(b, into: &out)
        case .int(let i): JSONWriter.writeInt(i, into: &out)
        case .double(let d): JSONWriter.writeDouble(d, into: &out)
        case .string(let s): JSONWriter.writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            var first = true
            for item in items {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                item.encode(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            var first = true
            for entry in object.entries {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONWriter.writeString(entry.key, into: &out)
                out.append(UInt8(ascii: ":"))
                entry.value.encode(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// This value's JSON text as UTF-8 bytes.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        encode(into: &out)
        return out
    }

    /// This value's JSON text.
    public func encodedString() -> String {
        String(decoding: encoded(), as: UTF8.self)
    }
}

/// Low-level writers for code that streams JSON straight to bytes (the executor writes
/// results this way instead of building a `JSON` tree first).
public enum JSONWriter {
    public static func writeNull(into out: inout [UInt8]) {
        appendASCII("null", into: &out)
    }

    public static func writeBool(_ b: Bool, into out: inout [UInt8]) {
        appendASCII(b ? "true" : "false", into: &out)
    }

    /// Writes `s` as a quoted, escaped JSON string.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        // Native Swift strings (small ones included) are contiguous UTF-8, so this runs
        // without copying; bridged strings take the copying path.
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { writeQuoted($0, into: &out) }
        if done == nil {
            Array(s.utf8).withUnsafeBufferPointer { writeQuoted($0, into: &out) }
        }
    }

    /// Writes valid UTF-8 `bytes` quoted and escaped, copying runs that need no escaping
    /// in one append.
    static func writeQuoted(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // (No reserveCapacity here: reserving small increments defeats the array's
        // geometric growth and makes writing many strings quadratic.)
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        let end = bytes.count
        let base = bytes.baseAddress
        while i < end {
            // Eight bytes at a time while none is a control character, `"`, `\` or
            // non-ASCII (which may begin U+2028/U+2029).
            while i + 8 <= end {
                let word = UInt64(littleEndian: UnsafeRawPointer(base! + i).loadUnaligned(as: UInt64.self))
                if needsAttention(word) { break }
                i += 8
            }
            guard i < end else { break }
            let b = bytes[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
                i += 1
                continue
            }
            if b == 0xE2 {
                guard i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                appendASCII(bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", into: &out)
                i += 3
                runStart = i
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            out.append(UInt8(ascii: "\\"))
            switch b {
            case 0x22: out.append(UInt8(ascii: "\""))
            case 0x5C: out.append(UInt8(ascii: "\\"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            default:
                // \u00XX with lowercase hex, as JSON.stringify writes it.
                appendASCII("u00", into: &out)
                out.append(hexDigit(b >> 4))
                out.append(hexDigit(b & 0xF))
            }
            i += 1
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of the word's eight bytes is below 0x20, `"`, `\` or 0x80 and above
    /// (the classic "has a zero byte" bit tricks, applied per condition).
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = hasZeroByte(word ^ (ones &* 0x22))
        let backslash = hasZeroByte(word ^ (ones &* 0x5C))
        return (control | quote | backslash | (word & highs)) != 0
    }

    /// Appends a literal's bytes without building an intermediate array.
    @inline(__always)
    static func appendASCII(_ literal: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inline(__always)
    static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? 0x30 + v : 0x61 + v - 10
    }

    /// Writes `value` in decimal.
    public static func writeInt(_ value: Int, into out: inout [UInt8]) {
        if value >= 0 && value < 10 {
            out.append(0x30 + UInt8(value))
            return
        }
        // Work on the magnitude as UInt so Int.min needs no special case.
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        withUnsafeMutableBytes(of: &digits) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            var pos = buffer.count
            repeat {
                pos -= 1
                buffer[pos] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[pos...]))
        }
    }

    /// Writes `value` as JavaScript's `Number.prototype.toString` would (the shortest
    /// digits that read back as the same double), or `null` when it is not finite.
    public static func writeDouble(_ value: Double, into out: inout [UInt8]) {
        guard value.isFinite else {
            writeNull(into: &out)
            return
        }
        if value == 0 {
            out.append(UInt8(ascii: "0"))  // JavaScript prints -0 as 0
            return
        }
        // Below 2^53 every integral double is an exact integer whose shortest round-trip
        // digits are its own decimal digits, so the integer writer gives the same text.
        // (`Int(_:)` truncates without libm, which this Foundation-free module does not link.)
        if value.magnitude < 9_007_199_254_740_992 {
            let integer = Int(value)
            if Double(integer) == value {
                writeInt(integer, into: &out)
                return
            }
        }
        // Swift's description also prints the shortest round-trip digits; only its layout
        // differs from JavaScript's, so take the digits and decimal exponent from it.
        var text = value.description
        text.withUTF8 { formatJavaScriptNumber(shortest: $0, into: &out) }
    }

    /// Re-lays out a shortest-digits number printed by Swift (`-1.5e-07`, `0.001`, `100.0`)
    /// in JavaScript's layout.
    private static func formatJavaScriptNumber(shortest text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // Double needs at most 17 digits
        withUnsafeMutableBytes(of: &digits) { raw in
            let d = raw.bindMemory(to: UInt8.self)
            var k = 0  // significant digits kept
            var pointPosition = 0  // digits seen before the decimal point
            var sawPoint = false
            var negative = false
            var exponent = 0
            var i = 0
            if text[0] == UInt8(ascii: "-") {
                negative = true
                i = 1
            }
            var leadingZeros = 0
            while i < text.count {
                let c = text[i]
                if c == UInt8(ascii: ".") {
                    sawPoint = true
                } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                    i += 1
                    var expNegative = false
                    if text[i] == UInt8(ascii: "-") { expNegative = true; i += 1 }
                    else if text[i] == UInt8(ascii: "+") { i += 1 }
                    while i < text.count {
                        exponent = exponent * 10 + Int(text[i] - 0x30)
                        i += 1
                    }
                    if expNegative { exponent = -exponent }
                    break
                } else {
                    if !sawPoint { pointPosition += 1 }
                    if c == UInt8(ascii: "0") && k == 0 {
                        leadingZeros += 1
                    } else if k < d.count {
                        d[k] = c
                        k += 1
                    }
                }
                i += 1
            }
            while k > 1 && d[k - 1] == UInt8(ascii: "0") { k -= 1 }
            // value = 0.d1d2…dk × 10^n
            let n = pointPosition - leadingZeros + exponent
            if negative { out.append(UInt8(ascii: "-")) }
            if k <= n && n <= 21 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: d[0..<k]))
                for _ in 0..<(n - k) { out.append(UInt8(ascii: "0")) }
            } else if 0 < n && n <= 21 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: d[0..<n]))
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: d[n..<k]))
            } else if -6 < n && n <= 0 {
                out.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ".")])
                for _ in 0..<(-n) { out.append(UInt8(ascii: "0")) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: d[0..<k]))
            } else {
                out.append(d[0])
                if k > 1 {
                    out.append(UInt8(ascii: "."))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: d[1..<k]))
                }
                out.append(UInt8(ascii: "e"))
                out.append(n - 1 < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                writeInt(abs(n - 1), into: &out)
            }
        }
    }
}
