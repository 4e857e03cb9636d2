import GraphQL
import XCTest

@testable import Switchboard

/// The HS256 reader, table-driven: every way a token can be wrong gets the error that says
/// so; tokens made by PyJWT (an implementation no one here wrote) verify; RFC 7515's example
/// passes the signature check.
final class TokenVerifierTests: XCTestCase {
    static let secret = "known-answer-secret-0123456789abcdef"
    let verifier = TokenVerifier(secret: TokenVerifierTests.secret)
    let signer = TokenSigner(secret: TokenVerifierTests.secret)
    /// 2026-01-01T00:00:00Z: the tests' clock.
    let now: Double = 1_767_225_600

    // MARK: Known answers

    /// Made with `jwt.encode(claims, secret, algorithm="HS256")` (PyJWT 2.15.1).
    func testTokensMadeByPyJWTVerify() throws {
        let table: [(String, TokenClaims)] = [
            ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZGEiLCJuYW1lIjoiQWRhIExvdmVsYWNlIiwicm9sZSI6InB1Ymxpc2hlciIsImV4cCI6NDEwMjQ0NDgwMH0.4I8nNuTxfTZ5uT5ridomeUJQTlq31ux8ZnbW2YSP3iE",
             TokenClaims(subject: "ada", name: "Ada Lovelace", role: .publisher, expiresAt: 4_102_444_800)),
            ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1MSJ9.5nbFDQ1e0x7cleJQXJ062nj7_QT7_z1J4p-kTnKZ-ks",
             TokenClaims(subject: "u1")),
            ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJnclx1MDBmY1x1MDBkZiBcdTI3MTMiLCJyb2xlIjoidXNlciIsImV4cCI6NDEwMjQ0NDgwMC41fQ.OIkxxcDlEBu9NxOfLRs017MAGXtn5hsO4VzYgKQzXSA",
             TokenClaims(subject: "grüß ✓", role: .user, expiresAt: 4_102_444_800.5)),
        ]
        for (token, claims) in table {
            XCTAssertEqual(try verifier.verify(token, now: now), claims)
        }
    }

    /// Our signer writes what PyJWT writes for the same claims, byte for byte.
    func testSignerMatchesPyJWT() {
        let claims = TokenClaims(subject: "ada", name: "Ada Lovelace", role: .publisher, expiresAt: 4_102_444_800)
        XCTAssertEqual(
            signer.sign(claims),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZGEiLCJuYW1lIjoiQWRhIExvdmVsYWNlIiwicm9sZSI6InB1Ymxpc2hlciIsImV4cCI6NDEwMjQ0NDgwMH0.4I8nNuTxfTZ5uT5ridomeUJQTlq31ux8ZnbW2YSP3iE")
    }

    /// RFC 7515 Appendix A.1 (HS256 with a binary key, CRLFs inside the JSON): the signature
    /// checks out; the token has no `sub`, which is the next thing checked.
    func testRFC7515ExamplePassesTheSignatureCheck() {
        let key = Base64URL.decode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow")!
        let token = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
            + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        XCTAssertThrowsError(try TokenVerifier(key: key).verify(token, now: now)) { error in
            XCTAssertEqual(error as? TokenError, .missingSubject)
        }
        var altered = Array(token.utf8)
        altered[altered.count - 1] = UInt8(ascii: "Y")  // the last character of the signature
        XCTAssertThrowsError(try TokenVerifier(key: key).verify(String(decoding: altered, as: UTF8.self), now: now)) { error in
            XCTAssertEqual(error as? TokenError, .badSignature)
        }
    }

    func testSignedClaimsRoundTrip() throws {
        let table = [
            TokenClaims(subject: "u"),
            TokenClaims(subject: "ada", name: "Ada", role: .user, expiresAt: now + 1),
            TokenClaims(subject: "backend", name: "", role: .publisher, expiresAt: now + 0.25, notBefore: now - 10),
            TokenClaims(subject: "名前 \"quoted\" \\ /", name: "\u{0}\n"),
        ]
        for claims in table {
            XCTAssertEqual(try verifier.verify(signer.sign(claims), now: now), claims)
        }
    }

    // MARK: Failures

    /// A signed token with this header and payload text.
    func signed(_ header: String, _ payload: String) -> String { signer.sign(header: header, payload: payload) }

    let hs256 = #"{"alg":"HS256","typ":"JWT"}"#

    func testEveryFailureSaysWhatWasWrong() {
        let good = signed(hs256, #"{"sub":"u1"}"#)
        let parts = good.split(separator: ".").map(String.init)
        let other = TokenSigner(secret: "another-secret-of-the-same-length-00").sign(TokenClaims(subject: "u1"))
        let none = Base64URL.encode(Array(#"{"alg":"none"}"#.utf8)) + "." + parts[1] + "."
        let table: [(String, String, TokenError)] = [
            ("empty", "", .malformed("the token is empty")),
            ("one part", "abc", .malformed("expected three base64url parts separated by dots (header.payload.signature), found 1")),
            ("two parts", parts[0] + "." + parts[1], .malformed("expected three base64url parts separated by dots (header.payload.signature), found 2")),
            ("four parts", good + ".x", .malformed("expected three base64url parts separated by dots (header.payload.signature), found 4")),
            ("header not base64url", "e30=." + parts[1] + "." + parts[2], .malformed("the header is not base64url")),
            ("header not JSON", Base64URL.encode(Array("{alg}".utf8)) + "." + parts[1] + "." + parts[2],
             .malformed("the header is not JSON (Unexpected character 'a' at offset 1, expected a string key)")),
            ("header an array", signed("[]", #"{"sub":"u1"}"#), .malformed("the header is not a JSON object")),
            ("alg none, no signature", none, .unsupportedAlgorithm(#""none""#)),
            ("alg none, signed", signed(#"{"alg":"none"}"#, #"{"sub":"u1"}"#), .unsupportedAlgorithm(#""none""#)),
            ("alg HS512", signed(#"{"alg":"HS512"}"#, #"{"sub":"u1"}"#), .unsupportedAlgorithm(#""HS512""#)),
            ("alg RS256", signed(#"{"alg":"RS256"}"#, #"{"sub":"u1"}"#), .unsupportedAlgorithm(#""RS256""#)),
            ("alg in lower case", signed(#"{"alg":"hs256"}"#, #"{"sub":"u1"}"#), .unsupportedAlgorithm(#""hs256""#)),
            ("no alg", signed(#"{"typ":"JWT"}"#, #"{"sub":"u1"}"#), .malformed("the header has no alg")),
            ("alg a number", signed(#"{"alg":256}"#, #"{"sub":"u1"}"#), .malformed("the header's alg is not a string")),
            ("crit", signed(#"{"alg":"HS256","crit":["exp"]}"#, #"{"sub":"u1"}"#), .criticalHeader),
            ("another secret", other, .badSignature),
            ("payload swapped", parts[0] + "." + Base64URL.encode(Array(#"{"sub":"admin"}"#.utf8)) + "." + parts[2], .badSignature),
            ("signature cut", parts[0] + "." + parts[1] + "." + String(parts[2].dropLast(3)), .badSignature),
            ("signature empty", parts[0] + "." + parts[1] + ".", .badSignature),
            ("signature not base64url", parts[0] + "." + parts[1] + ".a+b", .malformed("the signature is not base64url")),
            ("payload not JSON", signed(hs256, "sub=u1"), .malformed("the payload is not JSON (Unexpected character 's' at offset 0, expected a value)")),
            ("payload an array", signed(hs256, "[]"), .malformed("the payload is not a JSON object")),
            ("no sub", signed(hs256, #"{"name":"Ada"}"#), .missingSubject),
            ("sub null", signed(hs256, #"{"sub":null}"#), .missingSubject),
            ("sub empty", signed(hs256, #"{"sub":""}"#), .missingSubject),
            ("sub a number", signed(hs256, #"{"sub":12}"#), .badClaim(name: "sub", expected: "a string")),
            ("name a number", signed(hs256, #"{"sub":"u","name":5}"#), .badClaim(name: "name", expected: "a string")),
            ("role admin", signed(hs256, #"{"sub":"u","role":"admin"}"#), .badRole(#""admin""#)),
            ("role capitalised", signed(hs256, #"{"sub":"u","role":"Publisher"}"#), .badRole(#""Publisher""#)),
            ("role a bool", signed(hs256, #"{"sub":"u","role":true}"#),
             .badClaim(name: "role", expected: "the string \"user\" or \"publisher\"")),
            ("exp a string", signed(hs256, #"{"sub":"u","exp":"tomorrow"}"#),
             .badClaim(name: "exp", expected: "a number of seconds since the epoch")),
            ("exp infinite", signed(hs256, #"{"sub":"u","exp":1e400}"#),
             .badClaim(name: "exp", expected: "a number of seconds since the epoch")),
            ("expired", signed(hs256, #"{"sub":"u","exp":1767225599}"#), .expired(at: 1_767_225_599, now: now)),
            ("expiring this instant", signed(hs256, #"{"sub":"u","exp":1767225600}"#), .expired(at: 1_767_225_600, now: now)),
            ("nbf a string", signed(hs256, #"{"sub":"u","nbf":"x"}"#),
             .badClaim(name: "nbf", expected: "a number of seconds since the epoch")),
            ("not yet valid", signed(hs256, #"{"sub":"u","nbf":1767225700}"#), .notYetValid(from: 1_767_225_700, now: now)),
            ("too long", String(repeating: "a", count: 8193), .malformed("the token is 8193 bytes long; at most 8192 are accepted")),
        ]
        for (name, token, expected) in table {
            XCTAssertThrowsError(try verifier.verify(token, now: now), name) { error in
                XCTAssertEqual(error as? TokenError, expected, name)
                XCTAssertFalse(String(describing: error).contains(Self.secret), "\(name): the message holds the secret")
            }
        }
    }

    func testExpiryIsExactWithoutLeeway() throws {
        let token = signer.sign(TokenClaims(subject: "u", expiresAt: now + 1))
        XCTAssertNoThrow(try verifier.verify(token, now: now + 0.999))
        XCTAssertThrowsError(try verifier.verify(token, now: now + 1))
    }

    func testMessagesAreWordedForPeople() {
        let table: [(TokenError, String)] = [
            (.badSignature, "token signature does not match (signed with another secret, or altered)"),
            (.expired(at: 1_767_225_599, now: 1_767_225_600),
             "token expired at 2025-12-31T23:59:59.000Z (server time 2026-01-01T00:00:00.000Z)"),
            (.missingSubject, "token has no sub claim (the user id); sub must be a non-empty string"),
            (.badRole(#""admin""#), #"token role "admin" is not known; role must be "user" or "publisher""#),
            (.unsupportedAlgorithm(#""none""#), #"token algorithm "none" is not accepted; tokens must be signed with HS256"#),
            (.malformed("the header is not base64url"), "token is malformed: the header is not base64url"),
            (.expired(at: 1e300, now: 0), "token expired at 1e+300 s since the epoch (server time 1970-01-01T00:00:00.000Z)"),
        ]
        for (error, message) in table {
            XCTAssertEqual(error.description, message)
        }
    }
}
