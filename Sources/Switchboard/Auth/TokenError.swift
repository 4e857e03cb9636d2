/// Why a token was refused. Each message says what was wrong with the token, worded for
/// the person who sent it (it goes into a 401 body and the server's log); none ever
/// contains the secret, nor the token's signature.
public enum TokenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not three base64url parts, a part that does not decode, a header or payload that is
    /// not a JSON object. The string says which part and how.
    case malformed(String)
    /// The header names an algorithm other than HS256 (`none` included).
    case unsupportedAlgorithm(String)
    /// The header has a `crit` list: extensions this reader does not implement.
    case criticalHeader
    /// The signature is not HMAC-SHA256 of the token's first two parts under our secret.
    case badSignature
    /// `exp` (seconds since the epoch) is not after now.
    case expired(at: Double, now: Double)
    /// `nbf` is still in the future.
    case notYetValid(from: Double, now: Double)
    /// No `sub`, or an empty one.
    case missingSubject
    /// `role` is neither `user` nor `publisher`.
    case badRole(String)
    /// A claim of the wrong JSON type (`sub` a number, `exp` a string, …).
    case badClaim(name: String, expected: String)
    /// An `Authorization` value with a scheme other than Bearer.
    case unsupportedScheme(String)

    public var description: String {
        switch self {
        case .malformed(let what):
            return "token is malformed: \(what)"
        case .unsupportedAlgorithm(let alg):
            return "token algorithm \(alg) is not accepted; tokens must be signed with HS256"
        case .criticalHeader:
            return "token header has a crit list; no critical extensions are supported"
        case .badSignature:
            return "token signature does not match (signed with another secret, or altered)"
        case .expired(let at, let now):
            return "token expired at \(Self.time(at)) (server time \(Self.time(now)))"
        case .notYetValid(let from, let now):
            return "token is not valid before \(Self.time(from)) (server time \(Self.time(now)))"
        case .missingSubject:
            return "token has no sub claim (the user id); sub must be a non-empty string"
        case .badRole(let role):
            return "token role \(role) is not known; role must be \"user\" or \"publisher\""
        case .badClaim(let name, let expected):
            return "token claim \(name) must be \(expected)"
        case .unsupportedScheme(let scheme):
            return "Authorization scheme \(scheme) is not supported; send Authorization: Bearer <token>"
        }
    }

    /// Seconds since the epoch as `2026-11-23T10:00:00.000Z`; values far outside the
    /// calendar (a hostile `exp` of 1e300) are shown as the number.
    static func time(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e12 else { return "\(seconds) s since the epoch" }
        return formatTimestamp(Int64((seconds * 1000).rounded(.down)))
    }
}
