import Crypto

/// Development mode: the server runs without `--secret` (or `SWITCHBOARD_SECRET`).
///
/// Tokens are still signed and checked, with a random secret made once and kept in the
/// store's `settings` table, so the same store gives the same secret across restarts (and
/// `switchboard token --db PATH` mints tokens the running server accepts). Anyone who can
/// read the store file can mint tokens, so the server warns loudly; and `GET /dev/token`
/// hands a user token to anyone who asks, which is why it exists in this mode only.
public enum DevelopmentMode {
    /// The `settings` key of the development secret.
    public static let secretSettingKey = "dev.secret"

    /// How long the tokens made for development (printed at start-up, `/dev/token`) live.
    public static let tokenLifetimeSeconds: Double = 24 * 60 * 60

    /// The longest display name `/dev/token` accepts, in Unicode code points.
    public static let maxNameLength = 64

    /// 32 random bytes from swift-crypto's key generator (the system's secure random
    /// source), as base64url text: the text's UTF-8 is the HMAC key, like any `--secret`.
    public static func newSecret() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Base64URL.encode($0) }
    }

    /// The store's development secret, made and stored (through the writer) when it has none.
    public static func secret(in store: any Store, completion: @escaping @Sendable (Result<String, StoreError>) -> Void) {
        store.insertSettingIfAbsent(secretSettingKey, value: newSecret(), completion: completion)
    }

    /// `secret(in:completion:)` for callers that can wait (the CLI).
    public static func secret(in store: any Store) async throws(StoreError) -> String {
        try await store.insertSettingIfAbsent(secretSettingKey, value: newSecret())
    }

    /// The `sub` of a development user called `name`: `dev-` and the name in lower case,
    /// with every character other than `a–z 0–9 _ -` replaced by `-`.
    public static func subject(forName name: String) -> String {
        var sub = "dev-"
        for scalar in name.lowercased().unicodeScalars {
            let allowed = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
            sub.unicodeScalars.append(allowed ? scalar : "-")
        }
        return sub
    }

    /// The claims of a development user token for `name`, valid for a day from `now`.
    public static func userClaims(name: String, now: Double) -> TokenClaims {
        TokenClaims(subject: subject(forName: name), name: name, role: .user, expiresAt: (now + tokenLifetimeSeconds).rounded(.down))
    }
}
