// Choosing the response media type from `Accept` (RFC 9110 §12.5.1, which replaced RFC 7231
// §5.3.2), as the GraphQL-over-HTTP specification asks: the highest-priority type the client
// lists that we can produce, `406` when there is none.

/// The two media types a GraphQL response can be served in.
public enum GraphQLMediaType: String, Sendable, Hashable, CaseIterable {
    /// `application/graphql-response+json`: status codes carry meaning (400 for a request
    /// that could not be executed).
    case graphQLResponseJSON = "application/graphql-response+json"
    /// `application/json`, for legacy clients: every well-formed request gets 200.
    case json = "application/json"

    /// The `Content-Type` header value, with the charset the specification says to name.
    public var contentType: String { rawValue + "; charset=utf-8" }
}

/// One entry of an `Accept` header: `type/subtype` (either may be `*`), its weight and its
/// position in the header.
struct MediaRange: Hashable {
    var type: String
    var subtype: String
    /// 0…1000: the q-value in thousandths, so comparisons are exact.
    var weight: Int
    /// Parameters other than `q`, names lowercased (values lowercased too: the only one we read
    /// is `charset`, which is case-insensitive).
    var parameters: [String: String]
    var position: Int

    /// How specific the range is: `*/*` 0, `type/*` 1, `type/subtype` 2, plus 1 when it has
    /// parameters. The most specific range that matches a type decides that type's weight.
    var specificity: Int {
        if type == "*" { return 0 }
        if subtype == "*" { return 1 }
        return parameters.isEmpty ? 2 : 3
    }

    func matches(_ mediaType: GraphQLMediaType) -> Bool {
        let parts = mediaType.rawValue.split(separator: "/")
        guard type == "*" || type == parts[0] else { return false }
        guard subtype == "*" || subtype == parts[1] else { return false }
        // We only produce UTF-8: a range that names another charset does not match.
        if let charset = parameters["charset"], charset != "utf-8", charset != "utf8" { return false }
        return true
    }
}

enum ContentNegotiation {
    /// The media type to answer in (contract.md, "Endpoints"): `application/graphql-response+json`
    /// when the client accepts it (a range that matches it with a weight above 0, `*/*`
    /// included) and when it sends no `Accept`; `application/json` otherwise. nil (406) only
    /// when `application/json` is refused outright (q=0) and the newer type is not accepted.
    ///
    /// Each type gets the weight of the most specific range that matches it. Entries that are
    /// not valid ranges are skipped.
    static func negotiate(accept: String?) -> GraphQLMediaType? {
        guard let accept, accept.contains(where: { !$0.isWhitespace && $0 != "," }) else {
            return .graphQLResponseJSON
        }
        let ranges = parseAccept(accept)
        func weight(_ mediaType: GraphQLMediaType) -> Int? {
            var chosen: MediaRange? = nil
            for range in ranges where range.matches(mediaType) {
                if let c = chosen, c.specificity >= range.specificity { continue }
                chosen = range
            }
            return chosen?.weight
        }
        if let w = weight(.graphQLResponseJSON), w > 0 { return .graphQLResponseJSON }
        if weight(.json) == 0 { return nil }
        return .json
    }

    /// The ranges of an `Accept` header. Entries that are not `type/subtype` or whose q-value
    /// is not a valid qvalue are skipped (they can match nothing we could trust).
    static func parseAccept(_ header: String) -> [MediaRange] {
        var ranges: [MediaRange] = []
        for (position, element) in splitOutsideQuotes(header, on: ",").enumerated() {
            var pieces = splitOutsideQuotes(element, on: ";")
            guard !pieces.isEmpty else { continue }
            let mediaRange = trimmed(pieces.removeFirst()).lowercased()
            let typeAndSubtype = mediaRange.split(separator: "/", omittingEmptySubsequences: false)
            guard typeAndSubtype.count == 2, isToken(typeAndSubtype[0]), isToken(typeAndSubtype[1]) else { continue }
            let type = String(typeAndSubtype[0])
            let subtype = String(typeAndSubtype[1])
            if type == "*" && subtype != "*" { continue }
            var weight = 1000
            var parameters: [String: String] = [:]
            var valid = true
            for piece in pieces {
                let p = trimmed(piece)
                if p.isEmpty { continue }
                guard let eq = p.firstIndex(of: "=") else {
                    valid = false
                    break
                }
                let name = trimmed(p[..<eq]).lowercased()
                var value = trimmed(p[p.index(after: eq)...])
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                    value = String(value.dropFirst().dropLast())
                }
                if name == "q" {
                    guard let w = parseQValue(value) else {
                        valid = false
                        break
                    }
                    weight = w
                    // Parameters after q are accept-extensions, not part of the media range.
                    break
                }
                parameters[name] = value.lowercased()
            }
            guard valid else { continue }
            ranges.append(
                MediaRange(type: type, subtype: subtype, weight: weight, parameters: parameters, position: position))
        }
        return ranges
    }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in thousandths.
    static func parseQValue(_ s: String) -> Int? {
        let bytes = Array(s.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        var value = first == UInt8(ascii: "1") ? 1000 : 0
        if bytes.count == 1 { return value }
        guard bytes[1] == UInt8(ascii: "."), bytes.count <= 5 else { return nil }
        var scale = 100
        for b in bytes[2...] {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value += Int(b - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return value <= 1000 ? value : nil
    }

    /// The media type of a `Content-Type` header, lowercased, and its `charset` if it names one.
    static func parseContentType(_ header: String) -> (mediaType: String, charset: String?) {
        // The forms clients send nearly always, answered without the general parse (splitting,
        // trimming and lowercasing were 3 % of the service thread's time per HTTP mutation).
        switch header {
        case "application/json": return ("application/json", nil)
        case "application/json; charset=utf-8", "application/json;charset=utf-8", "application/json; charset=UTF-8":
            return ("application/json", "utf-8")
        default: break
        }
        return parseContentTypeInGeneral(header)
    }

    /// `parseContentType` for any header text.
    static func parseContentTypeInGeneral(_ header: String) -> (mediaType: String, charset: String?) {
        var pieces = splitOutsideQuotes(header, on: ";")
        let mediaType = pieces.isEmpty ? "" : trimmed(pieces.removeFirst()).lowercased()
        var charset: String? = nil
        for piece in pieces {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            if trimmed(piece[..<eq]).lowercased() == "charset" {
                var value = trimmed(piece[piece.index(after: eq)...])
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                    value = String(value.dropFirst().dropLast())
                }
                charset = value.lowercased()
            }
        }
        return (mediaType, charset)
    }

    // MARK: - Header text helpers

    /// Splits on `separator` except inside a quoted-string (`"a,b"` stays whole).
    static func splitOutsideQuotes(_ s: some StringProtocol, on separator: Character) -> [Substring] {
        let text = Substring(s)
        var parts: [Substring] = []
        var start = text.startIndex
        var inQuotes = false
        var escaped = false
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if escaped {
                escaped = false
            } else if inQuotes && c == "\\" {
                escaped = true
            } else if c == "\"" {
                inQuotes.toggle()
            } else if c == separator && !inQuotes {
                parts.append(text[start..<i])
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        parts.append(text[start...])
        return parts
    }

    static func trimmed(_ s: some StringProtocol) -> String {
        // On the UTF-8 bytes: spaces and tabs are ASCII, so the cut stays on scalar boundaries.
        // (Reversing Characters twice cost 6% of the service thread per HTTP request.)
        let bytes = Substring(s).utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// RFC 9110 `token` characters (plus `*` for wildcards).
    static func isToken(_ s: Substring) -> Bool {
        !s.isEmpty
            && s.utf8.allSatisfy { b in
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    return true
                default:
                    return "!#$%&'*+-.^_`|~".utf8.contains(b)
                }
            }
    }
}
