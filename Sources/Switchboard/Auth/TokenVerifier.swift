import Crypto
import GraphQL

/// Reads and verifies HS256 JSON Web Tokens (RFC 7519, RFC 7515 compact serialization).
///
/// Deliberately narrow: the header must name `alg` `HS256` (`none` and every other
/// algorithm are refused, so a token cannot choose how it is checked), a `crit` header is
/// refused, the signature is compared in constant time by swift-crypto, and only then is the
/// payload read and its claims type-checked (`TokenClaims`).
public struct TokenVerifier: Sendable {
    /// Tokens longer than this are refused before any work (a client's input).
    public static let maxTokenBytes = 8192

    /// The key's bytes; a `SymmetricKey` is made per use because it is not `Sendable`.
    let key: [UInt8]

    /// `secret`'s UTF-8 bytes are the HMAC key (as PyJWT, jsonwebtoken and jwt.io use a
    /// string secret).
    public init(secret: String) {
        self.init(key: Array(secret.utf8))
    }

    /// A key that is not text (RFC 7515's example key, in the tests).
    init(key: [UInt8]) {
        self.key = key
    }

    /// The claims of `token` if it is well formed, signed with our secret and valid at `now`
    /// (seconds since the epoch); else the first thing wrong with it.
    public func verify(_ token: String, now: Double) throws(TokenError) -> TokenClaims {
        let bytes = Array(token.utf8)
        if bytes.isEmpty { throw .malformed("the token is empty") }
        if bytes.count > Self.maxTokenBytes {
            throw .malformed("the token is \(bytes.count) bytes long; at most \(Self.maxTokenBytes) are accepted")
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw .malformed("expected three base64url parts separated by dots (header.payload.signature), found \(parts.count)")
        }
        let header = try Self.object(parts[0], "header")
        switch header["alg"] {
        case .string("HS256")?: break
        case .string(let alg)?: throw .unsupportedAlgorithm(shown(alg))
        case nil: throw .malformed("the header has no alg")
        case _?: throw .malformed("the header's alg is not a string")
        }
        if header["crit"] != nil { throw .criticalHeader }
        guard let signature = Base64URL.decode(String(decoding: parts[2], as: UTF8.self)) else {
            throw .malformed("the signature is not base64url")
        }
        // The signed text is the first two parts as sent, dot included.
        let signed = bytes[..<(parts[0].count + 1 + parts[1].count)]
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signed, using: SymmetricKey(data: key)) else {
            throw .badSignature
        }
        let claims = try TokenClaims(payload: try Self.object(parts[1], "payload"))
        try claims.checkTime(now: now)
        return claims
    }

    /// A part that must be base64url of a JSON object.
    private static func object(_ part: ArraySlice<UInt8>, _ name: String) throws(TokenError) -> JSONObject {
        guard let decoded = Base64URL.decode(String(decoding: part, as: UTF8.self)) else {
            throw .malformed("the \(name) is not base64url")
        }
        let json: JSON
        do {
            json = try JSON.parse(decoded)
        } catch {
            throw .malformed("the \(name) is not JSON (\(error.message))")
        }
        guard case .object(let object) = json else { throw .malformed("the \(name) is not a JSON object") }
        return object
    }
}
