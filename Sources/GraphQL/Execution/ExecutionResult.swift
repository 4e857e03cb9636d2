/// The result of executing an operation: `data` (nil when execution did not start, or
/// when a null reached the root) and the errors in the order they happened.
public struct ExecutionResult: Sendable {
    public var data: JSON?
    public var errors: [GraphQLError]
    /// Whether execution started: a request error (bad operation name, invalid variables)
    /// leaves `data` out of the response entirely, a null at the root prints `"data":null`.
    public var hasData: Bool

    public init(data: JSON?, errors: [GraphQLError] = [], hasData: Bool = true) {
        self.data = data
        self.errors = errors
        self.hasData = hasData
    }

    /// A request error: no `data` at all.
    public static func requestErrors(_ errors: [GraphQLError]) -> ExecutionResult {
        ExecutionResult(data: nil, errors: errors, hasData: false)
    }

    /// `{"data":…}`, with `"errors"` only when there are some.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        encode(into: &out)
        return out
    }

    public func encode(into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var first = true
        if hasData {
            out.append(contentsOf: #""data":"#.utf8)
            if let data { data.encode(into: &out) } else { JSONWriter.writeNull(into: &out) }
            first = false
        }
        if !errors.isEmpty {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #""errors":"#.utf8)
            encodeErrors(errors, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    public func encodedString() -> String { String(decoding: encoded(), as: UTF8.self) }
}

/// `[{"message":…,"locations":[…],"path":[…],"extensions":{…}},…]`, keys left out when empty.
public func encodeErrors(_ errors: [GraphQLError], into out: inout [UInt8]) {
    out.append(UInt8(ascii: "["))
    for (i, e) in errors.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        e.encode(into: &out)
    }
    out.append(UInt8(ascii: "]"))
}

extension GraphQLError {
    /// The error as the response's `errors` entries show it.
    public func encode(into out: inout [UInt8]) {
        out.append(contentsOf: #"{"message":"#.utf8)
        JSONWriter.writeString(message, into: &out)
        if !locations.isEmpty {
            out.append(contentsOf: #","locations":["#.utf8)
            for (i, l) in locations.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: #"{"line":"#.utf8)
                JSONWriter.writeInt(l.line, into: &out)
                out.append(contentsOf: #","column":"#.utf8)
                JSONWriter.writeInt(l.column, into: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        if let path, !path.isEmpty {
            out.append(contentsOf: #","path":["#.utf8)
            for (i, p) in path.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                switch p {
                case .key(let k): JSONWriter.writeString(k, into: &out)
                case .index(let n): JSONWriter.writeInt(n, into: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        }
        if !extensions.isEmpty {
            out.append(contentsOf: #","extensions":{"#.utf8)
            for (i, (k, v)) in extensions.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(k, into: &out)
                out.append(UInt8(ascii: ":"))
                v.encode(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// The error as a JSON value (for a protocol `error` message's payload).
    public var json: JSON {
        var o = JSONObject()
        o.append("message", .string(message))
        if !locations.isEmpty {
            o.append(
                "locations",
                .array(locations.map { .object(["line": .int($0.line), "column": .int($0.column)]) }))
        }
        if let path, !path.isEmpty {
            o.append(
                "path",
                .array(
                    path.map {
                        switch $0 {
                        case .key(let k): return .string(k)
                        case .index(let i): return .int(i)
                        }
                    }))
        }
        if !extensions.isEmpty {
            o.append("extensions", .object(JSONObject(extensions.map { (key: $0.0, value: $0.1) })))
        }
        return .object(o)
    }
}
