import Foundation
import XCTest

@testable import Switchboard

final class SQLiteStoreConcurrencyTests: SQLiteStoreTestCase {
    func testPagingTheBacklogWhileTheWriterAppendsSeesNoGap() async throws {
        let store = try openStore()
        let total = 5_000
        let events = (0..<total).map { event("chat:1", "\($0)") }
        // The writer appends in small groups from another thread while we page.
        let producer = Thread {
            var index = 0
            while index < events.count {
                let group = Array(events[index..<min(index + 7, events.count)])
                index += group.count
                store.append(group) { _ in }
                if index % 70 == 0 { Thread.sleep(forTimeInterval: 0.001) }
            }
        }
        producer.start()

        var seen: [Int64] = []
        var after: Int64 = 0
        let deadline = Date().addingTimeInterval(30)
        while seen.count < total && Date() < deadline {
            let page = try await store.events(topic: "chat:1", after: after, limit: 100)
            seen += page.map(\.id)
            after = page.last?.id ?? after
        }
        // Consistent and gap-free: exactly 1…total, each once, in order.
        XCTAssertEqual(seen, Array(1...Int64(total)))
    }

    func testEightProducersAndReadersTogether() async throws {
        let store = try openStore { $0.readers = 3 }
        let done = expectation(description: "appends")
        done.expectedFulfillmentCount = 8 * 500
        let events = (0..<8).map { producer in (0..<500).map { event("chat:\(producer)", "\($0)") } }
        let failures = LockedBox(0)
        DispatchQueue.concurrentPerform(iterations: 8) { producer in
            for number in 0..<500 {
                store.append([events[producer][number]]) { result in
                    if case .failure = result { failures.update { $0 += 1 } }
                    done.fulfill()
                }
                if number % 50 == 0 {
                    store.events(topic: "chat:\(producer)", after: 0, limit: 50) { result in
                        if case .failure = result { failures.update { $0 += 1 } }
                    }
                }
            }
        }
        await fulfillment(of: [done], timeout: 30)
        XCTAssertEqual(failures.get(), 0)
        for producer in 0..<8 {
            let stored = try await store.events(topic: "chat:\(producer)", after: 0, limit: 1_000)
            // Each producer's events in the order it queued them.
            XCTAssertEqual(stored.map(\.payload), events[producer].map(\.payload))
        }
    }
}
