/// A GraphQL document's text, kept as UTF-8 bytes so the lexer can scan without
/// decoding, plus a name used in error output (a file path, or `GraphQL request`).
///
/// Locations inside the engine are byte offsets into `bytes`; `location(of:)` turns one
/// into the line and column a person reads, counting columns in Unicode code points
/// as graphql-js does for documents that are valid UTF-8.
public final class Source: Sendable {
    public let name: String
    public let bytes: [UInt8]

    public init(_ body: String, name: String = "GraphQL request") {
        self.name = name
        self.bytes = Array(body.utf8)
    }

    /// Bytes that may not be valid UTF-8 (a file read from disk); the lexer reports any
    /// invalid sequence as a syntax error at its position.
    public init(bytes: [UInt8], name: String = "GraphQL request") {
        self.name = name
        self.bytes = bytes
    }

    /// The text between two byte offsets, with invalid UTF-8 repaired.
    public func text(from start: Int, to end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Line and column (both 1-based) of a byte offset. Line terminators are `\n`, `\r\n`
    /// and a lone `\r`, as in the specification.
    public func location(of offset: Int) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                lineStart = i + 1
            } else if b == 0x0D {
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A {
                    if i + 1 >= end { break }
                    i += 1
                }
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        var j = lineStart
        while j < end {
            // Count code points: every byte that is not a UTF-8 continuation byte.
            if bytes[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return SourceLocation(line: line, column: column)
    }
}

/// A position a person can find in an editor: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// Where an AST node lies in its source: byte offsets `start..<end`.
public struct Location: Sendable, Hashable {
    public let start: Int
    public let end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}
