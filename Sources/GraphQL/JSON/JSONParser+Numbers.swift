// JSON numbers: integers that fit `Int` stay exact, everything else becomes a correctly
// rounded Double.

extension JSONParser {
    /// Reads a run of digits into the (negative) accumulator of the integer and fraction
    /// digits, noting when they no longer fit.
    @inline(__always)
    private mutating func accumulateDigits(into accumulator: inout Int, overflow: inout Bool) {
        while pos < bytes.count && isJSONDigit(bytes[pos]) {
            if !overflow {
                let (times10, o1) = accumulator.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.subtractingReportingOverflow(Int(bytes[pos] - JSONByte.zero))
                if o1 || o2 { overflow = true } else { accumulator = next }
            }
            pos += 1
        }
    }

    /// number = [ minus ] int [ frac ] [ exp ]
    mutating func parseNumber() throws(JSONParseError) -> JSON {
        let start = pos
        let negative = bytes[pos] == JSONByte.minus
        if negative { pos += 1 }
        guard pos < bytes.count else { throw endOfInput() }

        // int = zero / ( digit1-9 *DIGIT ), accumulated negatively so Int.min fits.
        var accumulator = 0
        var overflow = false
        let first = bytes[pos]
        if first == JSONByte.zero {
            pos += 1
            if pos < bytes.count && isJSONDigit(bytes[pos]) {
                throw JSONParseError("Leading zeros are not allowed in numbers at offset \(start)", offset: start)
            }
        } else if isJSONDigit(first) {
            accumulateDigits(into: &accumulator, overflow: &overflow)
        } else {
            throw unexpected(expected: "a digit")
        }

        var isInteger = true
        var fractionDigits = 0
        if pos < bytes.count && bytes[pos] == JSONByte.dot {
            isInteger = false
            pos += 1
            let fractionStart = pos
            accumulateDigits(into: &accumulator, overflow: &overflow)
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
            if pos < bytes.count && (bytes[pos] == JSONByte.plus || bytes[pos] == JSONByte.minus) {
                exponentNegative = bytes[pos] == JSONByte.minus
                pos += 1
            }
            let exponentStart = pos
            while pos < bytes.count && isJSONDigit(bytes[pos]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[pos] - JSONByte.zero) }
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
}

@inline(__always)
private func isJSONDigit(_ b: UInt8) -> Bool { b &- JSONByte.zero < 10 }

private let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]
