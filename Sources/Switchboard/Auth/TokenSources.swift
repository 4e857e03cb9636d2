import GraphQL

/// A token as a client presented it, and where it was found (for the log and the 401).
public struct PresentedToken: Sendable, Hashable {
    /// The compact JWT, without `Bearer `.
    public let token: String
    /// `connection_init payload.authorization`, `Authorization header`, `?token=`, …
    public let source: String
}

/// Finding a connection's or request's token (contract.md, "Identity").
///
/// WebSocket: the `connection_init` payload's `authorization`, `Authorization`, `token`,
/// `authToken`, then `headers.Authorization`; then the upgrade request's `Authorization`
/// header, then its `?token=` query parameter. The first present one wins, so the payload
/// wins over the upgrade. A value that is `null`, empty or just `Bearer` counts as absent
/// (clients commonly send `authorization: ""` when they have no token). Everything is read
/// when `connection_init` arrives, so every source is checked the same way.
public enum TokenSources {
    static let payloadKeys = ["authorization", "Authorization", "token", "authToken"]

    /// The token of a `connection_init`, nil when there is none (anonymous).
    public static func find(connectionInit payload: JSONObject?, upgrade: UpgradeRequest) throws(AuthenticationFailure)
        -> PresentedToken?
    {
        if let payload {
            for key in payloadKeys {
                if let found = try value(payload[key], source: "connection_init payload.\(key)") { return found }
            }
            if case .object(let headers)? = payload["headers"] {
                for key in ["Authorization", "authorization"] {
                    if let found = try value(headers[key], source: "connection_init payload.headers.\(key)") {
                        return found
                    }
                }
            }
        }
        if let header = upgrade.authorization,
           let found = try value(.string(header), source: "the upgrade request's Authorization header")
        {
            return found
        }
        if let query = upgrade.queryValue("token"),
           let found = try value(.string(query), source: "the upgrade request's ?token= parameter")
        {
            return found
        }
        return nil
    }

    /// The token of an HTTP request's `Authorization` header, nil when there is none.
    public static func find(authorization header: String?) throws(AuthenticationFailure) -> PresentedToken? {
        guard let header else { return nil }
        return try value(.string(header), source: "the Authorization header")
    }

    /// A string with or without `Bearer ` (any case); nil when absent or empty.
    private static func value(_ json: JSON?, source: String) throws(AuthenticationFailure) -> PresentedToken? {
        let text: String
        switch json {
        case nil, .null?: return nil
        case .string(let s)?: text = s
        case _?: throw AuthenticationFailure(source: source, error: .malformed("the value is not a string"))
        }
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return nil }
        guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            if trimmed.lowercased() == "bearer" { return nil }
            return PresentedToken(token: trimmed, source: source)
        }
        let scheme = trimmed[..<space]
        guard scheme.lowercased() == "bearer" else {
            throw AuthenticationFailure(source: source, error: .unsupportedScheme(shown(String(scheme))))
        }
        let token = String(trimmed[space...]).trimmingSpaces()
        return token.isEmpty ? nil : PresentedToken(token: token, source: source)
    }
}

/// A refused token and where it came from.
public struct AuthenticationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public let source: String
    public let error: TokenError

    public init(source: String, error: TokenError) {
        self.source = source
        self.error = error
    }

    /// For the client (401 body): what was wrong, and where the token was found.
    public var description: String { "\(error) (token from \(source))" }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
