import Foundation
import GraphQL
import Switchboard
import XCTest

@testable import Chat

final class PostMessageTests: XCTestCase {
    static let allFields = "id chatId content senderName createdAt"

    func post(_ harness: ChatHarness, as caller: Identity, content: String = "hi", senderName: String? = nil, chatId: String = "c1")
        async throws -> String
    {
        var variables: JSONObject = ["c": .string(chatId), "t": .string(content)]
        if let senderName { variables.append("s", .string(senderName)) }
        return try await harness.run(
            #"mutation Post($c: ID!, $t: String!, $s: String) { postMessage(chatId: $c, content: $t, senderName: $s) { \#(Self.allFields) } }"#,
            variables, as: caller)
    }

    /// The column of `postMessage` in `post(…)`'s document.
    static let column = 51

    func message(id: Int, content: String = "hi", sender: String, chatId: String = "c1") -> String {
        #"{"data":{"postMessage":{"id":"\#(id)","chatId":"\#(chatId)","content":\#(JSON.string(content).encodedString()),"senderName":"\#(sender)","createdAt":"\#(fixedCreatedAt)"}}}"#
    }

    func failure(_ message: String, code: String) -> String {
        #"{"data":null,"errors":[\#(errorJSON(message, column: Self.column, path: ["postMessage"], code: code))]}"#
    }

    /// Nothing was stored and nothing was published.
    func assertNothingHappened(_ harness: ChatHarness, file: StaticString = #filePath, line: UInt = #line) async throws {
        let latest = try await harness.store.latestEventID()
        XCTAssertEqual(latest, 0, "stored", file: file, line: line)
        XCTAssertEqual(harness.published.current, [], "published", file: file, line: line)
        XCTAssertEqual(harness.steps.current, [.returned], file: file, line: line)
    }

    // MARK: who may post, under which name

    func testAnonymousIsUnauthenticated() async throws {
        let harness = ChatHarness()
        let response = try await post(harness, as: Callers.anonymous, senderName: "Ann")
        XCTAssertEqual(
            response,
            failure(
                "postMessage needs a token: without one a connection may only read and subscribe to chats.",
                code: "UNAUTHENTICATED"))
        try await assertNothingHappened(harness)
    }

    func testAUserPostsUnderTheTokensName() async throws {
        let harness = ChatHarness()
        let response = try await post(harness, as: Callers.ann)
        XCTAssertEqual(response, message(id: 1, sender: "Ann"))
        let again = try await post(harness, as: Callers.ann, content: "hi again", senderName: "Ann")
        XCTAssertEqual(again, message(id: 2, content: "hi again", sender: "Ann"))
    }

    func testAUserWithoutANamePostsUnderTheSub() async throws {
        let harness = ChatHarness()
        let response = try await post(harness, as: Callers.bob)
        XCTAssertEqual(response, message(id: 1, sender: "u-bob"))
        let again = try await post(harness, as: Callers.bob, senderName: "u-bob")
        XCTAssertEqual(again, message(id: 2, sender: "u-bob"))
        // An empty `name` claim is no name.
        let unnamed = try await post(harness, as: Identity(role: .user, userID: "u-cy", name: ""))
        XCTAssertEqual(unnamed, message(id: 3, sender: "u-cy"))
    }

    func testAUserMayNotPostUnderAnotherName() async throws {
        for (caller, own, given) in [(Callers.ann, "Ann", "Mallory"), (Callers.ann, "Ann", "ann"), (Callers.bob, "u-bob", "Bob")] {
            let harness = ChatHarness()
            let response = try await post(harness, as: caller, senderName: given)
            XCTAssertEqual(
                response,
                failure("A user posts under their own name: senderName must be \"\(own)\" or left out.", code: "FORBIDDEN"),
                given)
            try await assertNothingHappened(harness)
        }
    }

    func testAPublisherNamesTheSender() async throws {
        let harness = ChatHarness()
        let response = try await post(harness, as: Callers.publisher, senderName: "Support")
        XCTAssertEqual(response, message(id: 1, sender: "Support"))
    }

    func testAPublisherMustGiveSenderName() async throws {
        let harness = ChatHarness()
        let response = try await post(harness, as: Callers.publisher)
        XCTAssertEqual(
            response, failure("senderName is required when a publisher posts a message.", code: "BAD_USER_INPUT"))
        try await assertNothingHappened(harness)
        let empty = try await post(harness, as: Callers.publisher, senderName: "")
        XCTAssertEqual(empty, failure("senderName must not be empty", code: "BAD_USER_INPUT"))
    }

    // MARK: content and chat id

    func testContentIs1To4000CodePoints() async throws {
        let harness = ChatHarness()
        // 4,000 code points of 4 UTF-8 bytes each (and 2 UTF-16 units): counted as 4,000.
        let longest = String(repeating: "👍", count: 4_000)
        let ok = try await post(harness, as: Callers.ann, content: longest)
        XCTAssertEqual(ok, message(id: 1, content: longest, sender: "Ann"))
        let one = try await post(harness, as: Callers.publisher, content: "x", senderName: "S")
        XCTAssertEqual(one, message(id: 2, content: "x", sender: "S"))
        // A flag is one grapheme but two code points: 2,000 flags are 4,000 code points.
        let flags = String(repeating: "🇫🇷", count: 2_000)
        let flagged = try await post(harness, as: Callers.ann, content: flags)
        XCTAssertEqual(flagged, message(id: 3, content: flags, sender: "Ann"))
    }

    func testContentOutside1To4000CodePointsIsBadUserInputForEveryRoleThatMayPost() async throws {
        let tooLong = String(repeating: "a", count: 4_001)
        let flagsTooLong = String(repeating: "🇫🇷", count: 2_000) + "a"
        let cases: [(String, String)] = [
            ("", "content must not be empty"),
            (tooLong, "content is 4,001 Unicode code points long; at most 4,000 are allowed"),
            (flagsTooLong, "content is 4,001 Unicode code points long; at most 4,000 are allowed"),
        ]
        for (content, expected) in cases {
            for (caller, sender) in [(Callers.ann, nil), (Callers.publisher, "S")] as [(Identity, String?)] {
                let harness = ChatHarness()
                let response = try await post(harness, as: caller, content: content, senderName: sender)
                XCTAssertEqual(response, failure(expected, code: "BAD_USER_INPUT"), "\(caller.role)")
                try await assertNothingHappened(harness)
            }
        }
    }

    func testAnEmptyChatIdIsBadUserInput() async throws {
        let harness = ChatHarness()
        let response = try await post(harness, as: Callers.ann, chatId: "")
        XCTAssertEqual(response, failure("chatId must not be empty", code: "BAD_USER_INPUT"))
        try await assertNothingHappened(harness)
    }

    /// Authorization comes first: an anonymous caller learns nothing about its input.
    func testAuthorizationIsCheckedBeforeInput() async throws {
        let harness = ChatHarness()
        let anonymous = try await post(harness, as: Callers.anonymous, content: "")
        XCTAssertEqual(
            anonymous,
            failure(
                "postMessage needs a token: without one a connection may only read and subscribe to chats.",
                code: "UNAUTHENTICATED"))
        let forbidden = try await post(harness, as: Callers.ann, content: "", senderName: "Mallory")
        XCTAssertEqual(
            forbidden, failure("A user posts under their own name: senderName must be \"Ann\" or left out.", code: "FORBIDDEN"))
    }

    // MARK: commit, then publish, then answer

    func testTheMessageIsCommittedBeforeItIsPublishedAndPublishedBeforeTheAnswer() async throws {
        let harness = ChatHarness()
        let response = try await post(harness, as: Callers.ann, content: "first")
        XCTAssertEqual(response, message(id: 1, content: "first", sender: "Ann"))
        XCTAssertEqual(harness.steps.current, [.published(ids: [1], committed: true), .returned])

        let stored = try await harness.stored("chat:c1")
        XCTAssertEqual(
            stored,
            [
                StoredEvent(
                    id: 1, topic: "chat:c1", payload: Array(#"{"chatId":"c1","content":"first","senderName":"Ann"}"#.utf8),
                    createdAt: fixedCreatedAt)
            ])
        XCTAssertEqual(harness.published.current, stored)
    }

    func testTwoMutationsInOneDocumentCommitAndPublishInOrder() async throws {
        let harness = ChatHarness()
        let response = try await harness.run(
            #"mutation { a: postMessage(chatId: "c1", content: "one") { id } b: postMessage(chatId: "c2", content: "two") { id senderName } }"#,
            as: Callers.ann)
        XCTAssertEqual(response, #"{"data":{"a":{"id":"1"},"b":{"id":"2","senderName":"Ann"}}}"#)
        XCTAssertEqual(
            harness.steps.current,
            [.published(ids: [1], committed: true), .published(ids: [2], committed: true), .returned])
        XCTAssertEqual(harness.published.current.map(\.topic), ["chat:c1", "chat:c2"])
    }

    func testTheAnswerSelectsLikeAnyQuery() async throws {
        let harness = ChatHarness()
        let response = try await harness.run(
            #"mutation { sent: postMessage(chatId: "c1", content: "hi") { ...M __typename } } fragment M on Message { who: senderName id }"#,
            as: Callers.ann)
        XCTAssertEqual(response, #"{"data":{"sent":{"who":"Ann","id":"1","__typename":"Message"}}}"#)
    }

    func testAnErrorCarriesTheAliasAsItsPath() async throws {
        let harness = ChatHarness()
        let response = try await harness.run(#"mutation { send: postMessage(chatId: "c1", content: "hi") { id } }"#, as: Callers.anonymous)
        let error = errorJSON(
            "postMessage needs a token: without one a connection may only read and subscribe to chats.", column: 12,
            path: ["send"], code: "UNAUTHENTICATED")
        XCTAssertEqual(response, #"{"data":null,"errors":[\#(error)]}"#)
    }

    func testAStoreFailurePublishesNothingAndLeaksNothing() async throws {
        var options = InMemoryStore.Options()
        options.name = "/var/lib/switchboard/secret.sqlite"
        let store = InMemoryStore(options: options)
        store.close()
        let harness = ChatHarness(store: store)
        let response = try await post(harness, as: Callers.ann)
        XCTAssertEqual(response, failure("Internal server error.", code: "INTERNAL_SERVER_ERROR"))
        XCTAssertEqual(harness.published.current, [])
        XCTAssertEqual(harness.steps.current, [.returned])
        XCTAssertEqual(
            harness.failures.current, ["Mutation.postMessage: /var/lib/switchboard/secret.sqlite: the store is closed"])
    }
}
