import GraphQL

/// The claims of a Switchboard token (contract.md, "Identity"): `sub` (the user id,
/// required), `name` (display name), `role` (`user`, the default, or `publisher`) and
/// `exp` (seconds since the epoch). Other claims are allowed and ignored, except `nbf`,
/// which is honoured when present.
public struct TokenClaims: Sendable, Hashable {
    /// `sub`: never empty.
    public var subject: String
    public var name: String?
    /// `.user` or `.publisher`, never `.anonymous`.
    public var role: Identity.Role
    /// `exp`, seconds since the epoch.
    public var expiresAt: Double?
    /// `nbf`, seconds since the epoch.
    public var notBefore: Double?

    public init(subject: String, name: String? = nil, role: Identity.Role = .user, expiresAt: Double? = nil,
                notBefore: Double? = nil) {
        self.subject = subject
        self.name = name
        self.role = role
        self.expiresAt = expiresAt
        self.notBefore = notBefore
    }

    /// Who a connection or request carrying these claims is.
    public var identity: Identity {
        Identity(role: role, userID: subject, name: name, expiresAt: expiresAt)
    }

    /// Reads and type-checks the claims of a token's payload. A claim that is JSON `null`
    /// counts as absent.
    public init(payload: JSONObject) throws(TokenError) {
        switch payload["sub"] {
        case nil, .null?: throw .missingSubject
        case .string(let sub)?:
            if sub.isEmpty { throw .missingSubject }
            subject = sub
        case _?: throw .badClaim(name: "sub", expected: "a string")
        }
        switch payload["name"] {
        case nil, .null?: name = nil
        case .string(let text)?: name = text
        case _?: throw .badClaim(name: "name", expected: "a string")
        }
        switch payload["role"] {
        case nil, .null?: role = .user
        case .string("user")?: role = .user
        case .string("publisher")?: role = .publisher
        case .string(let other)?: throw .badRole(shown(other))
        case _?: throw .badClaim(name: "role", expected: "the string \"user\" or \"publisher\"")
        }
        expiresAt = try Self.time(payload, "exp")
        notBefore = try Self.time(payload, "nbf")
    }

    /// The claims as a token payload, in a fixed order; whole-second times print as integers
    /// (what RFC 7519's NumericDate usually is and what other libraries expect).
    public var payload: JSONObject {
        var object = JSONObject()
        object.append("sub", .string(subject))
        if let name { object.append("name", .string(name)) }
        object.append("role", .string(role == .publisher ? "publisher" : "user"))
        if let expiresAt { object.append("exp", Self.numericDate(expiresAt)) }
        if let notBefore { object.append("nbf", Self.numericDate(notBefore)) }
        return object
    }

    /// Refuses the claims when `now` (seconds since the epoch) is outside their validity.
    /// No leeway: a token is expired from the second its `exp` names (RFC 7519 §4.1.4), which
    /// is also when an open socket carrying it is closed.
    public func checkTime(now: Double) throws(TokenError) {
        if let expiresAt, now >= expiresAt { throw .expired(at: expiresAt, now: now) }
        if let notBefore, now < notBefore { throw .notYetValid(from: notBefore, now: now) }
    }

    private static func time(_ payload: JSONObject, _ claim: String) throws(TokenError) -> Double? {
        switch payload[claim] {
        case nil, .null?: return nil
        case .int(let n)?: return Double(n)
        case .double(let d)? where d.isFinite: return d
        case _?: throw .badClaim(name: claim, expected: "a number of seconds since the epoch")
        }
    }

    private static func numericDate(_ seconds: Double) -> JSON {
        if seconds == seconds.rounded(), abs(seconds) < 9e15 { return .int(Int(seconds)) }
        return .double(seconds)
    }
}

/// A client's text in an error message: JSON-quoted and cut short.
func shown(_ text: String, limit: Int = 40) -> String {
    var cut = String(text.unicodeScalars.prefix(limit))
    if text.unicodeScalars.count > limit { cut += "…" }
    return JSON.string(cut).encodedString()
}
