import GraphQL
import XCTest

@testable import Switchboard

/// The server's pure pieces: event ordering across the two doors, the stored init payload,
/// operation selection, timestamps, configuration.
final class EventSequencerTests: XCTestCase {
    func event(_ id: Int64) -> StoredEvent {
        StoredEvent(id: id, topic: "chat:a", payload: Array("{}".utf8), createdAt: "2026-11-23T10:00:00.123Z")
    }

    /// A sequencer whose gap reads are answered by hand from `log` (the store's committed events).
    final class Harness {
        var out: [Int64] = []
        var reads: [(after: Int64, limit: Int)] = []
        var sequencer: EventSequencer!
        init(start: Int64) {
            sequencer = EventSequencer(
                startingAfter: start, readGap: { [unowned self] after, limit in self.reads.append((after, limit)) },
                fanOut: { [unowned self] in self.out.append($0.id) }, log: { _ in })
        }
    }

    func testInOrderEventsGoOutOnceDuplicatesIgnored() {
        let h = Harness(start: 10)
        h.sequencer.offer([event(11), event(12)])
        h.sequencer.offer([event(11), event(12), event(13)])  // the watch repeats own commits
        h.sequencer.offer([event(9)])
        XCTAssertEqual(h.out, [11, 12, 13])
        XCTAssertTrue(h.reads.isEmpty)
    }

    func testOutOfOrderOwnCommitsWaitForTheMissingOne() {
        let h = Harness(start: 0)
        h.sequencer.offer([event(2)])
        XCTAssertEqual(h.out, [])
        XCTAssertEqual(h.reads.count, 1)
        XCTAssertEqual(h.reads[0].after, 0)
        XCTAssertEqual(h.reads[0].limit, 1)
        h.sequencer.offer([event(1)])  // the other publish arrives before the read answers
        XCTAssertEqual(h.out, [1, 2])
        h.sequencer.gapRead(.success([event(1)]))
        XCTAssertEqual(h.out, [1, 2])
    }

    func testAGapIsReadFromTheStoreFirst() {
        let h = Harness(start: 5)
        h.sequencer.offer([event(9)])  // 6, 7, 8 were appended by another process
        XCTAssertEqual(h.reads.map(\.after), [5])
        XCTAssertEqual(h.reads.map(\.limit), [3])
        h.sequencer.gapRead(.success([event(6), event(7), event(8)]))
        XCTAssertEqual(h.out, [6, 7, 8, 9])
    }

    func testIdsTheStoreDoesNotHaveAreSkipped() {
        let h = Harness(start: 0)
        h.sequencer.offer([event(4)])
        h.sequencer.gapRead(.success([event(2)]))  // 1 and 3 never existed
        XCTAssertEqual(h.out, [2, 4])
        XCTAssertEqual(h.sequencer.delivered, 4)
    }

    func testAFailedReadDoesNotStallTheFanOut() {
        let h = Harness(start: 0)
        h.sequencer.offer([event(3)])
        h.sequencer.gapRead(.failure(StoreError(.other, "disk on fire")))
        XCTAssertEqual(h.out, [3])
    }
}

final class ServerHelpersTests: XCTestCase {
    func testInitPayloadIsStoredWithSecretsRedacted() throws {
        let payload: JSONObject = [
            "authorization": .string("Bearer abc"), "token": .string("t"), "authToken": .string("x"),
            "headers": .object(["Authorization": .string("Bearer y"), "X-Trace": .string("keep")]),
            "client": .string("web"),
        ]
        XCTAssertEqual(
            redactedInitPayload(payload),
            #"{"authorization":"[redacted]","token":"[redacted]","authToken":"[redacted]","headers":{"Authorization":"[redacted]","X-Trace":"keep"},"client":"web"}"#)
        XCTAssertEqual(redactedInitPayload(nil), "{}")
    }

    func testOperationSelection() throws {
        let doc = try parseDocument(Source("query A { a } query B { b }"))
        XCTAssertEqual(findOperation(doc, name: "B")?.name?.value, "B")
        XCTAssertNil(findOperation(doc, name: nil), "ambiguous without a name")
        XCTAssertNil(findOperation(doc, name: "C"))
        let single = try parseDocument(Source("{ a }"))
        XCTAssertNotNil(findOperation(single, name: nil))
    }

    func testTimestampsParseBackToTheirMilliseconds() {
        for ms: Int64 in [0, 1_700_000_000_123, 1_795_000_000_999, 951_782_400_000 /* 2000-02-29 */] {
            XCTAssertEqual(parseTimestampMilliseconds(formatTimestamp(ms)), ms)
        }
        XCTAssertNil(parseTimestampMilliseconds("2026-11-23 10:00:00"))
    }

    func testConfigurationDefaultsAndChecks() {
        let c = ServerConfiguration()
        XCTAssertEqual(c.port, 4000)
        XCTAssertEqual(c.initTimeoutMilliseconds, 3000)
        XCTAssertEqual(c.keepaliveSeconds, 12)
        XCTAssertEqual(c.maxConnections, 20_000)
        XCTAssertEqual(c.maxSubscriptions, 100)
        XCTAssertEqual(c.maxMessageBytes, 65_536)
        XCTAssertEqual(c.maxQueueBytes, 1_048_576)
        XCTAssertEqual(c.maxBodyBytes, 1_048_576)
        XCTAssertEqual(c.webSocketURL(port: 4000), "ws://127.0.0.1:4000/graphql")
        var bad = c
        bad.maxSubscriptions = 0
        XCTAssertThrowsError(try bad.validate())
        var tls = c
        tls.tlsCertificatePath = "cert.pem"
        XCTAssertThrowsError(try tls.validate(), "--tls-cert without --tls-key")
        tls.tlsKeyPath = "key.pem"
        XCTAssertEqual(tls.webSocketURL(port: 1), "wss://127.0.0.1:1/graphql")
    }

    func testMetricsRender() {
        let m = Metrics()
        m.recordClose(code: 1001)
        m.recordLatency(seconds: 0.0003)
        let text = m.render()
        XCTAssertTrue(text.contains("switchboard_closes_total{code=\"1001\"} 1\n"))
        XCTAssertTrue(text.contains("switchboard_delivery_latency_seconds_bucket{le=\"0.0005\"} 1\n"))
        XCTAssertTrue(text.contains("switchboard_delivery_latency_seconds_count 1\n"))
    }
}
