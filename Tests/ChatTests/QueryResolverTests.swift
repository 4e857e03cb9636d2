import Foundation
import GraphQL
import Switchboard
import XCTest

@testable import Chat

final class QueryResolverTests: XCTestCase {
    /// Chat c1 holds ids 1, 3, 4, 6, 7 ("m1"…"m5"); chat c2 holds ids 2 and 5.
    func seededHarness() async throws -> ChatHarness {
        let harness = ChatHarness()
        let events = [
            chatPayload("c1", "m1", "Ann"), chatPayload("c2", "x1", "Bob"), chatPayload("c1", "m2", "Bob"),
            chatPayload("c1", "m3", "Ann"), chatPayload("c2", "x2", "Ann"), chatPayload("c1", "m4", "Ann"),
            chatPayload("c1", "m5", "Bob"),
        ]
        let stored = try await harness.store.append(events)
        XCTAssertEqual(stored.map(\.id), [1, 2, 3, 4, 5, 6, 7])
        return harness
    }

    // MARK: messages

    func testMessagesOfAnEmptyChatIsAnEmptyListForEveryRole() async throws {
        let harness = ChatHarness()
        for caller in [Callers.anonymous, Callers.ann, Callers.publisher] {
            let response = try await harness.run(#"{ messages(chatId: "c1") { id } }"#, as: caller)
            XCTAssertEqual(response, #"{"data":{"messages":[]}}"#, "\(caller.role)")
        }
    }

    func testMessagesReturnsEveryFieldOldestFirstForEveryRole() async throws {
        let harness = try await seededHarness()
        for caller in [Callers.anonymous, Callers.bob, Callers.publisher] {
            let response = try await harness.run(
                #"{ messages(chatId: "c1", last: 2) { id chatId content senderName createdAt __typename } }"#, as: caller)
            XCTAssertEqual(
                response,
                #"{"data":{"messages":["#
                    + #"{"id":"6","chatId":"c1","content":"m4","senderName":"Ann","createdAt":"2026-11-23T10:00:00.123Z","__typename":"Message"},"#
                    + #"{"id":"7","chatId":"c1","content":"m5","senderName":"Bob","createdAt":"2026-11-23T10:00:00.123Z","__typename":"Message"}"#
                    + "]}}", "\(caller.role)")
        }
    }

    func testMessagesDefaultsToTheLast50() async throws {
        let harness = ChatHarness()
        _ = try await harness.store.append((1...60).map { chatPayload("c1", "m\($0)", "Ann") })
        let response = try await harness.run(#"{ messages(chatId: "c1") { id } }"#, as: Callers.anonymous)
        let expected = (11...60).map { #"{"id":"\#($0)"}"# }.joined(separator: ",")
        XCTAssertEqual(response, #"{"data":{"messages":[\#(expected)]}}"#)
    }

    func testMessagesPagesBackwardsWithBefore() async throws {
        let harness = try await seededHarness()
        let cases: [(before: String, last: Int, ids: [String])] = [
            ("7", 2, ["4", "6"]),
            ("6", 2, ["3", "4"]),
            ("3", 2, ["1"]),
            ("1", 2, []),
            ("5", 50, ["1", "3", "4"]),  // 5 is c2's: ids of other chats only bound the page
            ("1000", 3, ["4", "6", "7"]),
            ("0004", 5, ["1", "3"]),  // leading zeros are still the decimal 4
        ]
        for c in cases {
            let response = try await harness.run(
                #"query Page($c: ID!, $before: ID, $last: Int) { messages(chatId: $c, last: $last, before: $before) { id } }"#,
                ["c": .string("c1"), "before": .string(c.before), "last": .int(c.last)], as: Callers.anonymous)
            let ids = c.ids.map { #"{"id":"\#($0)"}"# }.joined(separator: ",")
            XCTAssertEqual(response, #"{"data":{"messages":[\#(ids)]}}"#, "before \(c.before) last \(c.last)")
        }
        // An integer literal is an ID too.
        let literal = try await harness.run(#"{ messages(chatId: "c1", last: 2, before: 6) { content } }"#, as: Callers.ann)
        XCTAssertEqual(literal, #"{"data":{"messages":[{"content":"m2"},{"content":"m3"}]}}"#)
    }

    func testMessagesAcceptsLastFrom1To500() async throws {
        let harness = try await seededHarness()
        let one = try await harness.run(#"{ messages(chatId: "c1", last: 1) { id } }"#, as: Callers.anonymous)
        XCTAssertEqual(one, #"{"data":{"messages":[{"id":"7"}]}}"#)
        let most = try await harness.run(#"{ messages(chatId: "c1", last: 500) { id } }"#, as: Callers.anonymous)
        XCTAssertEqual(most, #"{"data":{"messages":[{"id":"1"},{"id":"3"},{"id":"4"},{"id":"6"},{"id":"7"}]}}"#)
    }

    func testMessagesRejectsLastOutside1To500() async throws {
        let harness = try await seededHarness()
        for (last, shown) in [("0", "0"), ("501", "501"), ("-1", "-1"), ("2147483647", "2147483647"), ("null", "null")] {
            for caller in [Callers.anonymous, Callers.ann, Callers.publisher] {
                let response = try await harness.run(#"{ messages(chatId: "c1", last: \#(last)) { id } }"#, as: caller)
                let error = errorJSON(
                    "last must be between 1 and 500; got \(shown).", column: 3, path: ["messages"], code: "BAD_USER_INPUT")
                XCTAssertEqual(response, #"{"data":null,"errors":[\#(error)]}"#, "last \(last) as \(caller.role)")
            }
        }
        // Through a variable the error is the same, at the field.
        let response = try await harness.run(
            #"query Q($n: Int) { messages(chatId: "c1", last: $n) { id } }"#, ["n": .int(0)], as: Callers.anonymous)
        let error = errorJSON("last must be between 1 and 500; got 0.", column: 20, path: ["messages"], code: "BAD_USER_INPUT")
        XCTAssertEqual(response, #"{"data":null,"errors":[\#(error)]}"#)
    }

    func testMessagesRejectsABeforeThatIsNotADecimalID() async throws {
        let harness = try await seededHarness()
        for before in ["abc", "-1", "+3", " 3", "3 ", "1.5", "", "0x10", "99999999999999999999", "٣"] {
            let response = try await harness.run(
                #"query Q($b: ID) { messages(chatId: "c1", before: $b) { id } }"#, ["b": .string(before)], as: Callers.ann)
            let shown = JSON.string(before).encodedString()
            let error = errorJSON(
                "before must be an event id, a decimal integer; got \(shown).", column: 19, path: ["messages"],
                code: "BAD_USER_INPUT")
            XCTAssertEqual(response, #"{"data":null,"errors":[\#(error)]}"#, "before \(shown)")
        }
    }

    func testABadInputNamesTheAliasInItsPathAndLeavesOtherFieldsAlone() async throws {
        let harness = try await seededHarness()
        let response = try await harness.run(
            #"{ me { id } page: messages(chatId: "c1", last: 0) { id } }"#, as: Callers.ann)
        let error = errorJSON("last must be between 1 and 500; got 0.", column: 13, path: ["page"], code: "BAD_USER_INPUT")
        XCTAssertEqual(response, #"{"data":null,"errors":[\#(error)]}"#)
    }

    func testAnErrorQuotesAHugeInputOnlyInPart() async throws {
        let harness = ChatHarness()
        let huge = String(repeating: "x", count: 10_000)
        let response = try await harness.run(
            #"query Q($b: ID) { messages(chatId: "c1", before: $b) { id } }"#, ["b": .string(huge)], as: Callers.ann)
        let shown = "\"" + String(repeating: "x", count: 64) + "…\""
        let error = errorJSON(
            "before must be an event id, a decimal integer; got \(shown).", column: 19, path: ["messages"],
            code: "BAD_USER_INPUT")
        XCTAssertEqual(response, #"{"data":null,"errors":[\#(error)]}"#)
    }

    func testMessagesSkipsAndReportsARowThatIsNotAChatMessage() async throws {
        let harness = ChatHarness()
        _ = try await harness.store.append([
            chatPayload("c1", "m1", "Ann"), NewEvent(topic: "chat:c1", payload: Array(#"{"something":"else"}"#.utf8)),
            chatPayload("c1", "m2", "Ann"),
        ])
        let response = try await harness.run(#"{ messages(chatId: "c1") { id content } }"#, as: Callers.ann)
        XCTAssertEqual(response, #"{"data":{"messages":[{"id":"1","content":"m1"},{"id":"3","content":"m2"}]}}"#)
        XCTAssertEqual(harness.failures.current, ["Query.messages: event 2 in chat:c1 is not a chat message"])
    }

    // MARK: me

    func testMeIsNullWhenAnonymous() async throws {
        let response = try await ChatHarness().run("{ me { id name } }", as: Callers.anonymous)
        XCTAssertEqual(response, #"{"data":{"me":null}}"#)
    }

    func testMeIsTheTokensSubAndName() async throws {
        let harness = ChatHarness()
        let ann = try await harness.run("{ me { id name __typename } }", as: Callers.ann)
        XCTAssertEqual(ann, #"{"data":{"me":{"id":"u-ann","name":"Ann","__typename":"User"}}}"#)
        let bob = try await harness.run("{ me { id name } }", as: Callers.bob)
        XCTAssertEqual(bob, #"{"data":{"me":{"id":"u-bob","name":null}}}"#)
        let publisher = try await harness.run("{ me { id name } }", as: Callers.publisher)
        XCTAssertEqual(publisher, #"{"data":{"me":{"id":"backend","name":"Backend"}}}"#)
    }

    // MARK: failures inside

    func testAStoreFailureIsAGenericInternalErrorAndItsDetailIsReported() async throws {
        var options = InMemoryStore.Options()
        options.name = "/var/lib/switchboard/secret.sqlite"
        let store = InMemoryStore(options: options)
        store.close()
        let harness = ChatHarness(store: store)
        let response = try await harness.run(#"{ messages(chatId: "c1") { id } }"#, as: Callers.anonymous)
        let error = errorJSON("Internal server error.", column: 3, path: ["messages"], code: "INTERNAL_SERVER_ERROR")
        XCTAssertEqual(response, #"{"data":null,"errors":[\#(error)]}"#)
        XCTAssertFalse(response.contains("secret"))
        XCTAssertEqual(harness.failures.current, ["Query.messages: /var/lib/switchboard/secret.sqlite: the store is closed"])
    }

    func testAContextThatIsNotARequestContextIsAnInternalError() async throws {
        let harness = ChatHarness()
        let document = try parseDocument(Source(#"{ me { id } messages(chatId: "c1") { id } }"#))
        let result = await execute(
            schema: harness.app.schema, document: document, context: "not a RequestContext", resolvers: harness.app.resolvers)
        let meError = errorJSON("Internal server error.", column: 3, path: ["me"], code: "INTERNAL_SERVER_ERROR")
        let messagesError = errorJSON("Internal server error.", column: 13, path: ["messages"], code: "INTERNAL_SERVER_ERROR")
        XCTAssertEqual(result.encodedString(), #"{"data":null,"errors":[\#(meError),\#(messagesError)]}"#)
        XCTAssertEqual(
            harness.failures.current,
            [
                "Query.me: context is String, not RequestContext",
                "Query.messages: context is String, not RequestContext",
            ])
    }
}
