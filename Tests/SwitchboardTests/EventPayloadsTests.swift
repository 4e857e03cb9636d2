import GraphQL
import XCTest

@testable import Switchboard

final class EventPayloadsTests: XCTestCase {
    func testChatMessageEncodesTopicAndFieldsInOrder() throws {
        let message = try ChatMessagePayload(chatId: "general", content: "Hi \"you\" — café ☕️\n", senderName: "ada")
        let event = message.newEvent
        XCTAssertEqual(event.topic, "chat:general")
        XCTAssertEqual(
            String(decoding: event.payload, as: UTF8.self),
            #"{"chatId":"general","content":"Hi \"you\" — café ☕️\n","senderName":"ada"}"#)
        XCTAssertEqual(ChatMessagePayload.decode(event.payload), message)
    }

    func testNotificationKindFollowsCallback() throws {
        let actionable = try NotificationPayload(userId: "u1", message: "Approve?", callback: "https://x.test/ok")
        XCTAssertEqual(actionable.kind, .actionable)
        XCTAssertEqual(actionable.newEvent.topic, "user:u1")
        XCTAssertEqual(
            String(decoding: actionable.newEvent.payload, as: UTF8.self),
            #"{"userId":"u1","message":"Approve?","callback":"https://x.test/ok","kind":"ACTIONABLE"}"#)

        let feedback = try NotificationPayload(userId: "u1", message: "Done", callback: nil)
        XCTAssertEqual(feedback.kind, .feedback)
        XCTAssertEqual(
            String(decoding: feedback.newEvent.payload, as: UTF8.self),
            #"{"userId":"u1","message":"Done","callback":null,"kind":"FEEDBACK"}"#)
        XCTAssertEqual(NotificationPayload.decode(feedback.newEvent.payload), feedback)
        XCTAssertEqual(NotificationPayload.decode(actionable.newEvent.payload), actionable)
    }

    func testContentCountsUnicodeCodePoints() throws {
        // 4,000 code points pass even when they are 16,000 UTF-8 bytes; one more fails.
        let emoji = "\u{1F600}"
        XCTAssertNoThrow(try ChatMessagePayload(chatId: "c", content: String(repeating: emoji, count: 4_000), senderName: "s"))
        // A flag made of two scalars is one grapheme but two code points.
        let flags = String(repeating: "🇫🇷", count: 2_001)
        XCTAssertEqual(flags.count, 2_001)
        XCTAssertThrowsError(try ChatMessagePayload(chatId: "c", content: flags, senderName: "s")) { error in
            XCTAssertEqual(
                "\(error)", "content is 4,002 Unicode code points long; at most 4,000 are allowed")
        }
    }

    func testEmptyFieldsAreRejectedByName() {
        func failure(_ body: () throws -> Void) -> EventInputError? {
            do { try body() } catch { return error as? EventInputError }
            return nil
        }
        XCTAssertEqual(failure { _ = try ChatMessagePayload(chatId: "", content: "x", senderName: "s") }?.field, "chatId")
        XCTAssertEqual(failure { _ = try ChatMessagePayload(chatId: "c", content: "", senderName: "s") }?.description, "content must not be empty")
        XCTAssertEqual(failure { _ = try ChatMessagePayload(chatId: "c", content: "x", senderName: "") }?.field, "senderName")
        XCTAssertEqual(failure { _ = try NotificationPayload(userId: "", message: "m", callback: nil) }?.field, "userId")
        XCTAssertEqual(failure { _ = try NotificationPayload(userId: "u", message: "", callback: nil) }?.field, "message")
        XCTAssertEqual(failure { _ = try NotificationPayload(userId: "u", message: "m", callback: "") }?.field, "callback")
    }

    func testDecodeRejectsOtherShapes() {
        XCTAssertNil(ChatMessagePayload.decode(Array(#"{"chatId":"c","content":1,"senderName":"s"}"#.utf8)))
        XCTAssertNil(ChatMessagePayload.decode(Array("not json".utf8)))
        XCTAssertNil(NotificationPayload.decode(Array(#"{"userId":"u","message":"m","callback":3}"#.utf8)))
    }
}
