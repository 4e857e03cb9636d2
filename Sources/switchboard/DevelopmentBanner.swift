import Switchboard

/// What `serve` says about tokens at start-up, before its `listening on` line: with a secret,
/// at most a warning about a short one; in development mode a loud warning, a ready
/// publisher token and a `curl` line that posts a message with it.
func announceIdentityMode(_ server: Server, _ configuration: ServerConfiguration, log: (String) -> Void) {
    if let secret = configuration.secret {
        if secret.utf8.count < 32 {
            log("warning: the token secret is \(secret.utf8.count) bytes long; an HS256 key should have at least 32 (256 bits)")
        }
        return
    }
    let rule = "WARNING: " + String(repeating: "=", count: 72)
    for line in [
        rule,
        "WARNING: DEVELOPMENT MODE: no --secret and no SWITCHBOARD_SECRET.",
        "WARNING: Tokens are signed with a random development secret kept in the store",
        "WARNING: (\(configuration.databasePath), settings key \(DevelopmentMode.secretSettingKey)): anyone who can read",
        "WARNING: that file can mint tokens, and GET /dev/token gives a user token to anyone.",
        "WARNING: Never serve others like this: pass --secret or set SWITCHBOARD_SECRET.",
        rule,
    ] {
        log(line)
    }
    let claims = TokenClaims(
        subject: "dev-publisher", name: "Development publisher", role: .publisher,
        expiresAt: (Authenticator.now() + DevelopmentMode.tokenLifetimeSeconds).rounded(.down))
    let token = server.signer.sign(claims)
    let url = configuration.webSocketURL(port: server.port).replacingPrefix("ws", with: "http")
    log("development publisher token (valid 24 h): \(token)")
    let query = #"{"query":"mutation { postMessage(chatId: \"general\", content: \"hello\", senderName: \"dev\") { id createdAt } }"}"#
    log("post a message: curl -sS -X POST \(url) -H 'Authorization: Bearer \(token)' "
        + "-H 'Content-Type: application/json' --data '\(query)'")
}

extension String {
    /// `ws://…` → `http://…`, `wss://…` → `https://…`.
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
