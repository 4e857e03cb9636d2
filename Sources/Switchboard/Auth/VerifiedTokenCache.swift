/// The claims of tokens already verified, by the token's text.
///
/// A backend posts with one publisher token thousands of times a second, and thousands of
/// sockets of one app may present the same token: each distinct token pays the HMAC and two
/// JSON parses once, not per request (about a third of a lone mutation's work before its
/// write). Only tokens that verified enter; their time claims (`exp`, `nbf`) are checked
/// again on every use, so an expired token is refused exactly as without the cache.
/// Bounded: when full it starts over, which costs one verification per token then.
/// Service thread only (not Sendable).
public final class VerifiedTokenCache {
    public let capacity: Int
    private var claims: [String: TokenClaims] = [:]

    public init(capacity: Int = 4096) {
        self.capacity = max(1, capacity)
    }

    /// The claims of `token` valid at `now`: from the cache, or verified by `verifier` and
    /// remembered. Throws exactly what `verifier.verify` throws.
    public func claims(of token: String, now: Double, verifier: TokenVerifier) throws(TokenError) -> TokenClaims {
        if let known = claims[token] {
            try known.checkTime(now: now)
            return known
        }
        let verified = try verifier.verify(token, now: now)
        if claims.count >= capacity { claims.removeAll(keepingCapacity: true) }
        claims[token] = verified
        return verified
    }

    /// Tokens remembered now (tests).
    public var count: Int { claims.count }
}
