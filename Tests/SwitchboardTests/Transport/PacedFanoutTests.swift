import Foundation
import XCTest
@testable import Switchboard

/// Paced writable requests over real sockets: a fan-out to more connections than one turn asks
/// for reaches every one of them, with nothing else waking the loop; frames queued while a
/// connection waits its turn follow in order; a frame sent unpaced to a waiting connection goes
/// out behind them without waiting for the pacer.
final class PacedFanoutTests: XCTestCase {
    final class Handler: TransportHandler, @unchecked Sendable {
        // @unchecked: only used on the service thread (and `opened` by the test after a post round-trip).
        weak var server: WebSocketServer?
        var opened: [Connection] = []
        func didOpen(_ connection: Connection, upgrade: UpgradeRequest) -> UpgradeDecision {
            opened.append(connection)
            return .accept
        }
        func didReceiveText(_ connection: Connection, _ bytes: UnsafeRawBufferPointer) {}
        func didClose(_ connection: Connection, code: UInt16, reason: String) {}
        func didReceiveHTTP(_ request: HTTPRequest, exchange: HTTPExchange) {}
    }

    func testAFanOutWiderThanATurnReachesEveryConnectionInOrder() throws {
        // The pacer's later turns come from its own wake-up, which each loop must deliver.
        for loop in EventLoop.allCases {
            try fanOutWiderThanATurn(loop: loop)
        }
    }

    private func fanOutWiderThanATurn(loop: EventLoop) throws {
        let count = WritablePacer.armsPerTurn * 2 + 50
        var configuration = TransportConfiguration()
        configuration.port = 0
        configuration.eventLoop = loop
        let handler = Handler()
        let server = WebSocketServer(configuration: configuration, handler: handler)
        handler.server = server
        try server.start()
        defer {
            server.stop()
            _ = server.waitUntilStopped(timeout: 10)
        }
        let clients = try (0..<count).map { _ in try RawWebSocketClient(port: server.port) }
        try waitUntil("every upgrade is seen") { onServiceThread(server) { handler.opened.count } == count }

        // Two fan-outs in one turn, then a control frame (unpaced) to the last connection, which
        // is still waiting for its turn.
        onServiceThread(server) {
            for event in ["first", "second"] {
                let bytes = Array(event.utf8)
                for connection in handler.opened {
                    server.send(connection, byteCount: bytes.count, paced: true) { target in
                        bytes.withUnsafeBytes { target.copyMemory(from: $0) }
                    }
                }
            }
            server.send(handler.opened[count - 1], text: "control")
        }
        for (index, client) in clients.enumerated() {
            XCTAssertEqual(try client.readText(), "first", "\(loop): connection \(index)")
            XCTAssertEqual(try client.readText(), "second", "\(loop): connection \(index)")
        }
        XCTAssertEqual(try clients[count - 1].readText(), "control", "\(loop)")
    }

    private func onServiceThread<T: Sendable>(_ server: WebSocketServer, _ work: @escaping @Sendable () -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultHolder<T>()
        server.post {
            box.value = work()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    private func waitUntil(_ what: String, seconds: Double = 10, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { throw RawWebSocketClient.Failure("timed out waiting until \(what)") }
            usleep(2_000)
        }
    }
}

private final class ResultHolder<T>: @unchecked Sendable {
    // @unchecked: written on the service thread before a semaphore is signalled, read after the wait.
    var value: T?
}
