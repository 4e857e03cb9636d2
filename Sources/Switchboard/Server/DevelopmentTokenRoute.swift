import Foundation
import GraphQL

// `GET /dev/token?name=NAME`: a user token for anyone who asks, so that the example chat page
// can post under a name without a backend. Development mode only (no `--secret`): with a
// configured secret the path does not exist (404), since handing out tokens would make them
// meaningless.
extension Server {
    func developmentToken(_ request: HTTPRequest, exchange: HTTPExchange) {
        guard isDevelopmentMode else {
            return transport.respond(to: exchange, with: HTTPResponse(status: 404, text: "Not found\n"))
        }
        guard request.method == "GET" || request.method == "HEAD" else { return methodNotAllowed(exchange, "GET") }
        let name = (request.queryValue("name") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            return transport.respond(to: exchange, with: Self.jsonError(
                400, "name is required: GET /dev/token?name=NAME (1 to \(DevelopmentMode.maxNameLength) characters)"))
        }
        let length = name.unicodeScalars.count
        if length > DevelopmentMode.maxNameLength {
            return transport.respond(to: exchange, with: Self.jsonError(
                400, "name is \(length) characters long; at most \(DevelopmentMode.maxNameLength) are accepted"))
        }
        let claims = DevelopmentMode.userClaims(name: name, now: Authenticator.now())
        var body = JSONObject()
        body.append("token", .string(signer.sign(claims)))
        body.append("sub", .string(claims.subject))
        body.append("name", .string(name))
        body.append("role", .string("user"))
        logger.info("development token issued to \(request.remoteAddress) for user \(shown(claims.subject)) (24 h)")
        transport.respond(to: exchange, with: HTTPResponse(
            status: 200, contentType: "application/json", headers: [("Cache-Control", "no-store")],
            text: JSON.object(body).encodedString()))
    }

    /// `{"error": message}` as JSON with `status`.
    static func jsonError(_ status: Int, _ message: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json", headers: [("Cache-Control", "no-store")],
                     text: JSON.object(["error": .string(message)]).encodedString())
    }
}
