import XCTest

@testable import Switchboard

/// The cache of verified tokens answers exactly as the verifier does: the same claims for a
/// good token, the same errors for a bad one (never remembered), and the time claims checked
/// on every use, cached or not.
final class VerifiedTokenCacheTests: XCTestCase {
    static let secret = "cache-test-secret-0123456789abcdef"
    let verifier = TokenVerifier(secret: VerifiedTokenCacheTests.secret)
    let signer = TokenSigner(secret: VerifiedTokenCacheTests.secret)
    let now: Double = 1_767_225_600

    func testAGoodTokenIsRememberedAndAnsweredTheSame() throws {
        let cache = VerifiedTokenCache()
        let claims = TokenClaims(subject: "ada", name: "Ada", role: .publisher, expiresAt: now + 60)
        let token = signer.sign(claims)
        XCTAssertEqual(try cache.claims(of: token, now: now, verifier: verifier), claims)
        XCTAssertEqual(cache.count, 1)
        XCTAssertEqual(try cache.claims(of: token, now: now + 1, verifier: verifier), claims)
        XCTAssertEqual(cache.count, 1)
    }

    /// Expiry is checked on each use: a token cached while valid is refused once `exp` passes,
    /// with the verifier's own error.
    func testACachedTokenExpiresOnTime() throws {
        let cache = VerifiedTokenCache()
        let token = signer.sign(TokenClaims(subject: "u1", expiresAt: now + 10))
        _ = try cache.claims(of: token, now: now, verifier: verifier)
        XCTAssertThrowsError(try cache.claims(of: token, now: now + 10, verifier: verifier)) { error in
            XCTAssertEqual(error as? TokenError, TokenError.expired(at: now + 10, now: now + 10))
        }
        let notYet = signer.sign(TokenClaims(subject: "u2", notBefore: now + 5))
        XCTAssertThrowsError(try cache.claims(of: notYet, now: now, verifier: verifier))
        XCTAssertEqual(try cache.claims(of: notYet, now: now + 5, verifier: verifier).subject, "u2")
        XCTAssertThrowsError(try cache.claims(of: notYet, now: now + 4, verifier: verifier)) { error in
            XCTAssertEqual(error as? TokenError, TokenError.notYetValid(from: now + 5, now: now + 4))
        }
    }

    /// A bad token gets the verifier's error every time and never enters the cache.
    func testABadTokenIsNeverRemembered() {
        let cache = VerifiedTokenCache()
        let forged = TokenSigner(secret: "another-secret").sign(TokenClaims(subject: "eve", role: .publisher))
        for _ in 0..<3 {
            XCTAssertThrowsError(try cache.claims(of: forged, now: now, verifier: verifier)) { error in
                XCTAssertEqual(error as? TokenError, TokenError.badSignature)
            }
        }
        XCTAssertThrowsError(try cache.claims(of: "not-a-token", now: now, verifier: verifier))
        XCTAssertEqual(cache.count, 0)
    }

    /// Bounded: past `capacity` it starts over instead of growing.
    func testTheCacheStaysWithinItsCapacity() throws {
        let cache = VerifiedTokenCache(capacity: 4)
        for index in 0..<10 {
            _ = try cache.claims(of: signer.sign(TokenClaims(subject: "user-\(index)")), now: now, verifier: verifier)
            XCTAssertLessThanOrEqual(cache.count, 4)
        }
        let first = signer.sign(TokenClaims(subject: "user-0"))
        XCTAssertEqual(try cache.claims(of: first, now: now, verifier: verifier).subject, "user-0")
    }
}
