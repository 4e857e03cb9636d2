// Printing string values as GraphQL literals, as graphql-js's `printString` and
// `printBlockString` do (graphql-core 3.3.2 `print_string.py`, `block_string.py`).
// Lengths and first characters are taken in Unicode code points, as Python and
// graphql-js (for the BMP) count them.

/// `s` as a quoted StringValue: `"` and `\` escaped, control characters as `\b \t \n \f \r`
/// or `\u00XX` (uppercase hex), and U+007F–U+009F as `\u00XX`; everything else as is.
public func printString(_ s: String) -> String {
    var out = "\""
    var runStart = s.unicodeScalars.startIndex
    var i = runStart
    let scalars = s.unicodeScalars
    while i < scalars.endIndex {
        let v = scalars[i].value
        let escape: String?
        switch v {
        case 0x22: escape = "\\\""
        case 0x5C: escape = "\\\\"
        case 0x08: escape = "\\b"
        case 0x09: escape = "\\t"
        case 0x0A: escape = "\\n"
        case 0x0C: escape = "\\f"
        case 0x0D: escape = "\\r"
        case 0x00...0x1F, 0x7F...0x9F: escape = "\\u" + fourHexDigits(v)
        default: escape = nil
        }
        if let escape {
            out.unicodeScalars.append(contentsOf: scalars[runStart..<i])
            out += escape
            i = scalars.index(after: i)
            runStart = i
        } else {
            i = scalars.index(after: i)
        }
    }
    out.unicodeScalars.append(contentsOf: scalars[runStart..<scalars.endIndex])
    out += "\""
    return out
}

private func fourHexDigits(_ v: UInt32) -> String {
    let hex = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - hex.count) + hex
}

/// `value` as a block string (`"""…"""`), in the indented form: a leading and trailing
/// line break are added when that keeps the value intact and makes it easier to read.
/// With `minimize`, line breaks are added only where the value needs them.
public func printBlockString(_ value: String, minimize: Bool = false) -> String {
    let escaped = replacingTripleQuotes(value)
    let lines = splitLines(escaped)
    let isSingleLine = lines.count == 1

    // Lines after the first that all start with white space would lose it to the block
    // string's common-indent removal, unless a leading line break is added.
    let forceLeadingNewLine = lines.count > 1
        && lines.dropFirst().allSatisfy { line in
            guard let first = line.first else { return true }
            return first == " " || first == "\t"
        }
    let hasTrailingTripleQuotes = escaped.utf8.count >= 4 && escaped.utf8.suffix(4).elementsEqual("\\\"\"\"".utf8)
    let hasTrailingQuote = value.unicodeScalars.last == "\"" && !hasTrailingTripleQuotes
    let hasTrailingSlash = value.unicodeScalars.last == "\\"
    let forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash

    let printAsMultipleLines = !minimize
        && (!isSingleLine || value.unicodeScalars.count > 70 || forceTrailingNewLine
            || forceLeadingNewLine || hasTrailingTripleQuotes)

    // A single line that starts with white space keeps it only without a leading break.
    let firstScalar = value.unicodeScalars.first
    let skipLeadingNewLine = isSingleLine && (firstScalar == " " || firstScalar == "\t")
    let before = (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine ? "\n" : ""
    let after = printAsMultipleLines || forceTrailingNewLine ? "\n" : ""
    return "\"\"\"" + before + escaped + after + "\"\"\""
}

/// Whether `value` prints as a block string and reads back as the same value.
public func isPrintableAsBlockString(_ value: String) -> Bool {
    if value.isEmpty { return true }
    var isEmptyLine = true
    var hasIndent = false
    var hasCommonIndent = true
    var seenNonEmptyLine = false
    for scalar in value.unicodeScalars {
        switch scalar.value {
        case 0x0A:
            if isEmptyLine && !seenNonEmptyLine { return false }  // leading line break
            seenNonEmptyLine = true
            isEmptyLine = true
            hasIndent = false
        case 0x20, 0x09:
            hasIndent = hasIndent || isEmptyLine
        case 0x00...0x0F:
            return false
        default:
            hasCommonIndent = hasCommonIndent && hasIndent
            isEmptyLine = false
        }
    }
    if isEmptyLine { return false }  // trailing empty lines
    if hasCommonIndent && seenNonEmptyLine { return false }  // every line indented
    return true
}

/// `"""` becomes `\"""`, the only escape a block string has.
private func replacingTripleQuotes(_ value: String) -> String {
    // On the UTF-8 bytes: `String.contains` compares characters, and a combining mark after
    // the third quote makes `"` plus the mark one character, hiding the `"""` (found by
    // FuzzGraphQL: the printed block string then ended early).
    guard value.utf8.count >= 3, containsTripleQuote(value) else { return value }
    var out = ""
    var quotes = 0
    for scalar in value.unicodeScalars {
        if scalar == "\"" {
            quotes += 1
            if quotes == 3 {
                out += "\\\"\"\""
                quotes = 0
            }
        } else {
            out += String(repeating: "\"", count: quotes)
            quotes = 0
            out.unicodeScalars.append(scalar)
        }
    }
    out += String(repeating: "\"", count: quotes)
    return out
}

private func containsTripleQuote(_ value: String) -> Bool {
    var quotes = 0
    for byte in value.utf8 {
        quotes = byte == 0x22 ? quotes + 1 : 0
        if quotes == 3 { return true }
    }
    return false
}

/// Splits on the GraphQL line terminators only: `\r\n`, `\n` and `\r`.
private func splitLines(_ s: String) -> [Substring.UnicodeScalarView] {
    var lines: [Substring.UnicodeScalarView] = []
    let scalars = s.unicodeScalars
    var lineStart = scalars.startIndex
    var i = lineStart
    while i < scalars.endIndex {
        let c = scalars[i]
        if c == "\n" || c == "\r" {
            lines.append(scalars[lineStart..<i])
            var next = scalars.index(after: i)
            if c == "\r" && next < scalars.endIndex && scalars[next] == "\n" {
                next = scalars.index(after: next)
            }
            i = next
            lineStart = i
        } else {
            i = scalars.index(after: i)
        }
    }
    lines.append(scalars[lineStart..<scalars.endIndex])
    return lines
}
