import XCTest
@testable import Switchboard

final class OutboundQueueTests: XCTestCase {
    private func append(_ queue: inout OutboundQueue, _ text: String, tag: UInt64 = 0) {
        let bytes = Array(text.utf8)
        queue.append(byteCount: bytes.count, tag: tag) { $0.copyBytes(from: bytes) }
    }

    private func popText(_ queue: inout OutboundQueue) -> String? {
        guard let frame = queue.first() else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(start: frame.payload, count: frame.length), as: UTF8.self)
        // lws_write may overwrite the headroom before the payload: the queue must not care.
        (frame.payload - OutboundQueue.headerSize).initializeMemory(as: UInt8.self, repeating: 0xAB, count: OutboundQueue.headerSize)
        queue.removeFirst(length: frame.length)
        return text
    }

    func testFramesComeOutInOrderWithTheirTags() {
        var queue = OutboundQueue()
        defer { queue.deallocate() }
        for i in 0..<1000 { append(&queue, "frame \(i)", tag: UInt64(i)) }
        XCTAssertEqual(queue.count, 1000)
        XCTAssertEqual(queue.first()?.tag, 0)
        for i in 0..<1000 { XCTAssertEqual(popText(&queue), "frame \(i)") }
        XCTAssertTrue(queue.isEmpty)
        XCTAssertEqual(queue.queuedBytes, 0)
    }

    func testInterleavedAppendAndRemoveKeepsBytesIntact() {
        var queue = OutboundQueue()
        defer { queue.deallocate() }
        var expected: [String] = []
        var next = 0
        for round in 0..<500 {
            for _ in 0..<(round % 7 + 1) {
                let text = String(repeating: Character(UnicodeScalar(UInt8(65 + next % 26))), count: next % 3000)
                append(&queue, text)
                expected.append(text)
                next += 1
            }
            for _ in 0..<(round % 5 + 1) where !expected.isEmpty {
                XCTAssertEqual(popText(&queue), expected.removeFirst())
            }
        }
        while !expected.isEmpty { XCTAssertEqual(popText(&queue), expected.removeFirst()) }
        XCTAssertNil(queue.first())
    }

    func testRemoveAllReportsEveryFrame() {
        var queue = OutboundQueue()
        defer { queue.deallocate() }
        append(&queue, "a", tag: 1)
        append(&queue, "bb", tag: 2)
        append(&queue, "", tag: 3)
        _ = popText(&queue)
        var seen: [(UInt64, String)] = []
        queue.forEachFrame { seen.append(($0, String(decoding: $1, as: UTF8.self))) }
        XCTAssertEqual(seen.map(\.0), [2, 3])
        XCTAssertEqual(seen.map(\.1), ["bb", ""])
        XCTAssertEqual(queue.queuedBytes, 2)
        queue.removeAll()
        XCTAssertTrue(queue.isEmpty)
        XCTAssertEqual(queue.queuedBytes, 0)
    }

    func testCloseReasonsAreCutAtACharacterBoundary() {
        let reason = "Subscriber for " + String(repeating: "é", count: 100) + " already exists"
        let cut = WebSocketServer.closeReason(reason)
        XCTAssertLessThanOrEqual(cut.utf8.count, 123)
        XCTAssertTrue(reason.hasPrefix(cut))
        XCTAssertEqual(WebSocketServer.closeReason("Going away"), "Going away")
    }

    func testMailboxRunsWorkInOrderAndWakesOncePerBurst() {
        let mailbox = Mailbox()
        let log = LockedLog()
        XCTAssertTrue(mailbox.append { log.add(1) })
        XCTAssertFalse(mailbox.append { log.add(2) })
        mailbox.drain()
        XCTAssertEqual(log.values, [1, 2])
        XCTAssertTrue(mailbox.append { log.add(3) })
        mailbox.drain()
        XCTAssertEqual(log.values, [1, 2, 3])
    }

    func testMailboxHasWorkFromThePostUntilTheDrainTakesIt() {
        let mailbox = Mailbox()
        let log = LockedLog()
        XCTAssertFalse(mailbox.hasWork)
        _ = mailbox.append {
            log.add(1)
            // Taken: what is posted from inside the work is new work.
            XCTAssertFalse(mailbox.hasWork)
            _ = mailbox.append { log.add(2) }
            XCTAssertTrue(mailbox.hasWork)
        }
        XCTAssertTrue(mailbox.hasWork)
        mailbox.drain()
        XCTAssertEqual(log.values, [1, 2])
        XCTAssertFalse(mailbox.hasWork)

        // Seen from another thread's post without taking the lock (the service thread's poll).
        let poster = Thread { _ = mailbox.append { log.add(3) } }
        poster.start()
        let deadline = Date().addingTimeInterval(5)
        while !mailbox.hasWork && Date() < deadline {}
        XCTAssertTrue(mailbox.hasWork)
        mailbox.drain()
        XCTAssertEqual(log.values, [1, 2, 3])
    }
}

final class LockedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int] = []
    func add(_ v: Int) { lock.lock(); storage.append(v); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return storage }
}
