import GraphQL
import XCTest

@testable import Switchboard

/// A sink with endpoints (as the transport's): each connection gets an object when it opens,
/// and the fan-out must write through it, never by key, and hint each one ahead of its write.
private final class EndpointSink: FrameSink {
    final class Endpoint {
        let connection: ConnectionKey
        init(_ connection: ConnectionKey) { self.connection = connection }
    }

    /// Connections that get no endpoint (`endpoint(for:)` answers nil for them).
    var withoutEndpoint: Set<ConnectionKey> = []
    private(set) var handedOut: [ConnectionKey: Endpoint] = [:]
    /// What happened, in order: "write <conn> via endpoint", "write <conn> by key", "prefetch <conn>".
    private(set) var log: [String] = []
    private(set) var texts: [ConnectionKey: [String]] = [:]

    func endpoint(for connection: ConnectionKey) -> AnyObject? {
        if withoutEndpoint.contains(connection) { return nil }
        let endpoint = Endpoint(connection)
        handedOut[connection] = endpoint
        return endpoint
    }

    func write(connection: ConnectionKey, byteCount: Int, tag: UInt64, fill: (UnsafeMutableRawBufferPointer) -> Void) {
        log.append("write \(connection.rawValue) by key")
        record(connection, byteCount, fill)
    }

    func write(endpoint: AnyObject, connection: ConnectionKey, byteCount: Int, tag: UInt64,
               fill: (UnsafeMutableRawBufferPointer) -> Void) {
        let endpoint = endpoint as! Endpoint
        XCTAssertTrue(endpoint === handedOut[connection], "the endpoint handed out for \(connection)")
        log.append("write \(endpoint.connection.rawValue) via endpoint")
        record(endpoint.connection, byteCount, fill)
    }

    func prefetch(endpoint: AnyObject) {
        log.append("prefetch \((endpoint as! Endpoint).connection.rawValue)")
    }

    private func record(_ connection: ConnectionKey, _ byteCount: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Void) {
        var bytes = [UInt8](repeating: 0, count: byteCount)
        bytes.withUnsafeMutableBytes { fill($0) }
        texts[connection, default: []].append(String(decoding: bytes, as: UTF8.self))
    }
}

final class FanoutEndpointTests: XCTestCase {
    let app = TinyChatApp()

    func testEachFrameGoesThroughItsConnectionsEndpointHintedAhead() throws {
        let sink = EndpointSink()
        let engine = FanoutEngine(sink: sink)
        let prepared = try app.prepare("subscription { newMessage(chatId: 1) { content } }")
        let count = 40
        for n in 1...UInt64(count) {
            engine.openConnection(key(n), recordID: "c\(n)")
            XCTAssertNotNil(engine.add(connection: key(n), operationID: "op\(n)", topic: "chat:1", prepared: prepared))
        }
        var log = FakeLog()
        engine.deliver(event: log.commit(topic: "chat:1", content: "hi"), application: app)

        for n in 1...UInt64(count) {
            XCTAssertEqual(sink.texts[key(n)], [#"{"id":"op\#(n)","type":"next","payload":{"data":{"newMessage":{"content":"hi"}}}}"#])
        }
        XCTAssertFalse(sink.log.contains { $0.hasSuffix("by key") })
        // Every write but the first few was hinted, and each hint came before its write.
        let writes = sink.log.filter { $0.hasPrefix("write") }.map { $0.split(separator: " ")[1] }
        XCTAssertEqual(writes.count, count)
        let hinted = writes.dropFirst(TopicIndex.prefetchNear)
        for connection in hinted {
            let hint = try XCTUnwrap(sink.log.firstIndex(of: "prefetch \(connection)"), "hint for \(connection)")
            let write = try XCTUnwrap(sink.log.firstIndex(of: "write \(connection) via endpoint"))
            XCTAssertLessThan(hint, write)
            XCTAssertEqual(sink.log.filter { $0 == "prefetch \(connection)" }.count, 1)
        }
        for connection in writes.prefix(TopicIndex.prefetchNear) {
            XCTAssertFalse(sink.log.contains("prefetch \(connection)"))
        }
    }

    func testAConnectionWithoutAnEndpointIsWrittenByKey() throws {
        let sink = EndpointSink()
        sink.withoutEndpoint = [key(2)]
        let engine = FanoutEngine(sink: sink)
        let prepared = try app.prepare("subscription { newMessage(chatId: 1) { content } }")
        for n in 1...UInt64(3) {
            engine.openConnection(key(n), recordID: "c\(n)")
            _ = engine.add(connection: key(n), operationID: "a", topic: "chat:1", prepared: prepared)
        }
        var log = FakeLog()
        engine.deliver(event: log.commit(topic: "chat:1", content: "x"), application: app)
        XCTAssertEqual(
            Set(sink.log.filter { $0.hasPrefix("write") }),
            ["write 1 via endpoint", "write 2 by key", "write 3 via endpoint"])
        XCTAssertEqual(sink.texts.values.map(\.count), [1, 1, 1])
    }

    func testTheIndexLetsGoOfAnEndpointWhenItsConnectionCloses() throws {
        let sink = EndpointSink()
        let engine = FanoutEngine(sink: sink)
        let prepared = try app.prepare("subscription { newMessage(chatId: 1) { content } }")
        engine.openConnection(key(1), recordID: "c1")
        _ = engine.add(connection: key(1), operationID: "a", topic: "chat:1", prepared: prepared)
        weak let endpoint = sink.handedOut[key(1)]
        XCTAssertNotNil(endpoint)
        engine.closeConnection(key(1))
        sink.forget(key(1))
        XCTAssertNil(endpoint, "the index holds no endpoint of a closed connection")
    }
}

extension EndpointSink {
    fileprivate func forget(_ connection: ConnectionKey) { handedOut[connection] = nil }
}
