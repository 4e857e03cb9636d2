import XCTest

@testable import Switchboard

final class DevelopmentModeTests: XCTestCase {
    func testSubjectsOfDevelopmentUsers() {
        let table: [(String, String)] = [
            ("ada", "dev-ada"),
            ("Ada Lovelace", "dev-ada-lovelace"),
            ("under_score-dash", "dev-under_score-dash"),
            ("R2D2", "dev-r2d2"),
            ("grüß", "dev-gr--"),
            ("a.b@c", "dev-a-b-c"),
            ("👩‍💻", "dev----"),  // three scalars: woman, zero-width joiner, laptop
        ]
        for (name, sub) in table {
            XCTAssertEqual(DevelopmentMode.subject(forName: name), sub, name)
        }
    }

    func testUserClaimsLiveADay() {
        let claims = DevelopmentMode.userClaims(name: "Ada", now: 1_000.75)
        XCTAssertEqual(claims, TokenClaims(subject: "dev-ada", name: "Ada", role: .user, expiresAt: 87_400))
    }

    func testSecretsAre32RandomBytes() {
        let a = DevelopmentMode.newSecret()
        let b = DevelopmentMode.newSecret()
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(Base64URL.decode(a)?.count, 32)
    }

    func testTheStoreKeepsTheFirstSecret() async throws {
        let store = InMemoryStore()
        defer { store.close() }
        let first = try await DevelopmentMode.secret(in: store)
        let again = try await DevelopmentMode.secret(in: store)
        XCTAssertEqual(first, again)
        let stored = try await store.setting(DevelopmentMode.secretSettingKey)
        XCTAssertEqual(stored, first)
    }
}
