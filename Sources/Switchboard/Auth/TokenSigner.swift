import Crypto
import GraphQL

/// Mints HS256 tokens (`switchboard token`, the development token printed at start-up,
/// `GET /dev/token`): header `{"alg":"HS256","typ":"JWT"}`, the claims' payload, and the
/// HMAC-SHA256 of both under the secret.
public struct TokenSigner: Sendable {
    /// The key's bytes; a `SymmetricKey` is made per use because it is not `Sendable`.
    let key: [UInt8]

    /// `secret`'s UTF-8 bytes are the key, as for `TokenVerifier`.
    public init(secret: String) {
        key = Array(secret.utf8)
    }

    public func sign(_ claims: TokenClaims) -> String {
        let header: JSONObject = ["alg": .string("HS256"), "typ": .string("JWT")]
        return sign(header: JSON.object(header).encodedString(), payload: JSON.object(claims.payload).encodedString())
    }

    /// Any header and payload text, signed: the tests build hostile tokens with it.
    func sign(header: String, payload: String) -> String {
        let signed = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Array(signed.utf8), using: SymmetricKey(data: key))
        return signed + "." + Base64URL.encode(Array(mac))
    }
}
