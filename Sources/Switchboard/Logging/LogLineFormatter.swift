import GraphQL
import Logging

/// How the server's log lines look (`switchboard serve --log-format`).
public enum LogFormat: String, Sendable, CaseIterable {
    /// `2026-12-05T21:00:00.123Z info connection opened id=12 remote=127.0.0.1`: for people.
    case text
    /// One JSON object per line, `{"ts":…,"level":…,"message":…,"metadata":{…}}`: for log
    /// pipelines.
    case json
}

/// Turns one log record into one line (with its newline). Pure, so both formats and their
/// escaping are tested without a process.
///
/// Whatever the message and metadata hold (a client's close reason, a GraphQL error message
/// with newlines), a record stays on one line: a line is a record, for `grep` and for log
/// shippers alike.
public struct LogLineFormatter: Sendable {
    public let format: LogFormat

    public init(format: LogFormat) { self.format = format }

    /// The line for a record. `timestamp` is already formatted (`formatTimestamp`).
    public func line(timestamp: String, level: Logger.Level, message: String, metadata: Logger.Metadata) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(96 + message.utf8.count)
        switch format {
        case .text: text(timestamp, level, message, metadata, into: &out)
        case .json: json(timestamp, level, message, metadata, into: &out)
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// Metadata keys in print order: `id` first (the connection a line is about), then by name,
    /// so that equal records print equally (the metadata is a dictionary).
    static func orderedKeys(_ metadata: Logger.Metadata) -> [String] {
        metadata.keys.sorted { a, b in
            if a == "id" || b == "id" { return a == "id" && b != "id" }
            return a < b
        }
    }

    // MARK: - text

    private func text(_ timestamp: String, _ level: Logger.Level, _ message: String, _ metadata: Logger.Metadata,
                      into out: inout [UInt8]) {
        out.append(contentsOf: timestamp.utf8)
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: level.rawValue.utf8)
        out.append(UInt8(ascii: " "))
        Self.appendEscaped(message, into: &out)
        for key in Self.orderedKeys(metadata) {
            out.append(UInt8(ascii: " "))
            Self.appendKey(key, into: &out)
            out.append(UInt8(ascii: "="))
            Self.appendTextValue(Self.plain(metadata[key]!), into: &out)
        }
    }

    /// A value as text: bare when it is a non-empty run of visible characters without `"`,
    /// `=` or `\`, else quoted with those escaped (logfmt's convention).
    static func appendTextValue(_ value: String, into out: inout [UInt8]) {
        let bare = !value.isEmpty && value.utf8.allSatisfy { byte in
            byte > 0x20 && byte != 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "=")
                && byte != UInt8(ascii: "\\")
        }
        if bare {
            out.append(contentsOf: value.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        appendEscaped(value, into: &out, quote: true)
        out.append(UInt8(ascii: "\""))
    }

    /// Control characters as `\n`, `\r`, `\t` or `\u00XX`; with `quote`, also `"` and `\`.
    static func appendEscaped(_ value: String, into out: inout [UInt8], quote: Bool = false) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                if quote { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default:
                out.append(byte)
            }
        }
    }

    /// Keys are ours, but a key must never break the `key=value` shape: anything else becomes `_`.
    private static func appendKey(_ key: String, into out: inout [UInt8]) {
        if key.isEmpty { out.append(UInt8(ascii: "_")) }
        for byte in key.utf8 {
            let allowed = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            out.append(allowed ? byte : UInt8(ascii: "_"))
        }
    }

    /// A metadata value as one string: lists as `[a,b]`, dictionaries as `{k:v,…}` by key.
    static func plain(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let s): return s
        case .stringConvertible(let c): return c.description
        case .array(let items): return "[" + items.map(plain).joined(separator: ",") + "]"
        case .dictionary(let d):
            return "{" + d.keys.sorted().map { "\($0):\(plain(d[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    // MARK: - json

    private func json(_ timestamp: String, _ level: Logger.Level, _ message: String, _ metadata: Logger.Metadata,
                      into out: inout [UInt8]) {
        var object = JSONObject()
        object.append("ts", .string(timestamp))
        object.append("level", .string(level.rawValue))
        object.append("message", .string(message))
        var fields = JSONObject()
        for key in Self.orderedKeys(metadata) { fields.append(key, Self.jsonValue(metadata[key]!)) }
        object.append("metadata", .object(fields))
        JSON.object(object).encode(into: &out)
    }

    /// Numbers and booleans given as such (`code: 1013`) stay numbers and booleans; everything
    /// else is a string, a list or an object.
    static func jsonValue(_ value: Logger.MetadataValue) -> JSON {
        switch value {
        case .string(let s): return .string(s)
        case .stringConvertible(let c):
            switch c {
            case let b as Bool: return .bool(b)
            case let i as Int: return .int(i)
            case let i as any BinaryInteger:
                if let small = Int(exactly: i) { return .int(small) }
                return .string(c.description)
            case let d as Double where d.isFinite: return .double(d)
            default: return .string(c.description)
            }
        case .array(let items): return .array(items.map(jsonValue))
        case .dictionary(let d):
            var object = JSONObject()
            for key in d.keys.sorted() { object.append(key, jsonValue(d[key]!)) }
            return .object(object)
        }
    }
}
