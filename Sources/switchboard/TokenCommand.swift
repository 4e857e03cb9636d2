import ArgumentParser
import Foundation
import Switchboard

/// `switchboard token`: prints a signed token (contract.md, "Identity") for scripts, backends
/// and trying things out.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print a signed token (JWT, HS256).",
        discussion: """
            Prints one HS256 JSON Web Token on standard output with the claims sub, name \
            (with --name), role and exp (with --ttl: now + SECONDS; without it the token \
            does not expire).

            The key: --secret; else, with --db PATH, the development secret of that store; \
            else env SWITCHBOARD_SECRET; else the development secret of ./switchboard.sqlite. \
            A `switchboard serve` without a secret uses its store's development secret too; \
            `token` creates it there if the store has none yet.

            Example: a publisher token for an hour, used by curl.

              TOKEN=$(switchboard token --sub backend --role publisher --ttl 3600)
              curl -H "Authorization: Bearer $TOKEN" …

            Exit status: 0 with the token printed; 1 with one line `error: MESSAGE` on \
            standard error when a value is invalid or the store cannot be read.
            """
    )

    @Option(help: ArgumentHelp("The user id (claim sub). (required)", valueName: "id"))
    var sub: String

    @Option(help: ArgumentHelp("The display name (claim name). (default: none)", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("user or publisher (claim role).", valueName: "role"))
    var role = "user"

    @Option(help: ArgumentHelp("Seconds until the token expires (claim exp). (default: none: it never expires)", valueName: "seconds"))
    var ttl: Int?

    @Option(help: ArgumentHelp("The HS256 key (or env SWITCHBOARD_SECRET). (default: the development secret of --db)", valueName: "secret"))
    var secret: String?

    @Option(help: ArgumentHelp("Use the development secret of this store. (default: ./switchboard.sqlite)", valueName: "path"))
    var db: String?

    func run() async throws {
        do {
            let token = try await mint()
            writeAll(Array((token + "\n").utf8), to: 1)
        } catch {
            reportError(error.message)
            throw ExitCode(1)
        }
    }

    private func mint() async throws(CommandFailure) -> String {
        if sub.isEmpty { throw CommandFailure(message: "--sub must not be empty") }
        if name == "" { throw CommandFailure(message: "--name must not be empty (leave it out for no name)") }
        let roleValue: Identity.Role
        switch role {
        case "user": roleValue = .user
        case "publisher": roleValue = .publisher
        default: throw CommandFailure(message: "--role must be user or publisher (got \(role))")
        }
        if let ttl, ttl <= 0 { throw CommandFailure(message: "--ttl must be a number of seconds greater than 0 (got \(ttl))") }
        if secret != nil && db != nil { throw CommandFailure(message: "give --secret or --db, not both") }
        if secret == "" { throw CommandFailure(message: "--secret must not be empty") }

        let key = try await resolveSecret()
        let now = Authenticator.now().rounded(.down)
        let claims = TokenClaims(subject: sub, name: name, role: roleValue, expiresAt: ttl.map { now + Double($0) })
        return TokenSigner(secret: key).sign(claims)
    }

    private func resolveSecret() async throws(CommandFailure) -> String {
        if let secret { return secret }
        if db == nil, let environment = ProcessInfo.processInfo.environment["SWITCHBOARD_SECRET"], !environment.isEmpty {
            return environment
        }
        let path = db ?? "./switchboard.sqlite"
        let store = try StoreFlags.open(path, busyTimeout: 5)
        defer { store.close() }
        do {
            return try await DevelopmentMode.secret(in: store)
        } catch {
            throw CommandFailure(message: describe(error, path: path))
        }
    }
}
