import GraphQL

/// Decides who a caller is from the token it presents: anonymous without one, the token's
/// identity with a valid one, a failure (4403 on a socket, 401 over HTTP) with a bad one.
public struct Authenticator: Sendable {
    public let verifier: TokenVerifier

    public init(secret: String) {
        verifier = TokenVerifier(secret: secret)
    }

    /// A WebSocket connection's identity, when its `connection_init` arrives.
    /// With `cache`, a token verified before is not verified again (its time claims are).
    public func identity(connectionInit payload: JSONObject?, upgrade: UpgradeRequest, now: Double,
                         cache: VerifiedTokenCache? = nil)
        -> Result<Identity, AuthenticationFailure>
    {
        Result { () throws(AuthenticationFailure) in
            try verify(try TokenSources.find(connectionInit: payload, upgrade: upgrade), now: now, cache: cache)
        }
    }

    /// An HTTP request's identity from its `Authorization` header.
    public func identity(authorization: String?, now: Double, cache: VerifiedTokenCache? = nil)
        -> Result<Identity, AuthenticationFailure>
    {
        Result { () throws(AuthenticationFailure) in
            try verify(try TokenSources.find(authorization: authorization), now: now, cache: cache)
        }
    }

    private func verify(_ presented: PresentedToken?, now: Double, cache: VerifiedTokenCache?)
        throws(AuthenticationFailure) -> Identity
    {
        guard let presented else { return .anonymous }
        do {
            if let cache { return try cache.claims(of: presented.token, now: now, verifier: verifier).identity }
            return try verifier.verify(presented.token, now: now).identity
        } catch {
            throw AuthenticationFailure(source: presented.source, error: error)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Authenticator {
    /// Now, in seconds since the epoch (what `exp` counts), from the real-time clock.
    public static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
