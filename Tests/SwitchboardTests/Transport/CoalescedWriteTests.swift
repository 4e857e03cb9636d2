import Foundation
import XCTest
@testable import Switchboard

/// Frames that queue up for one socket leave in coalesced writes: on the wire they must be
/// exactly the frames one write per frame would give (RFC 6455 headers, order, bytes), for
/// every length class of the header (7, 16 and 64 bits) and for a burst larger than one
/// coalesced write.
final class CoalescedWriteTests: XCTestCase {
    /// Answers the text `burst` with `WebSocketFrameHeader`-sized frames, all queued in one go.
    final class BurstHandler: TransportHandler, @unchecked Sendable {
        // @unchecked: only used on the service thread.
        weak var server: WebSocketServer?
        let payloads: [[UInt8]]
        init(payloads: [[UInt8]]) { self.payloads = payloads }
        func didOpen(_ connection: Connection, upgrade: UpgradeRequest) -> UpgradeDecision { .accept }
        func didReceiveText(_ connection: Connection, _ bytes: UnsafeRawBufferPointer) {
            for payload in payloads { payload.withUnsafeBytes { server?.send(connection, $0) } }
        }
        func didClose(_ connection: Connection, code: UInt16, reason: String) {}
        func didReceiveHTTP(_ request: HTTPRequest, exchange: HTTPExchange) {}
    }

    func testHeadersOfEachLengthClass() {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 8)
        defer { buffer.deallocate() }
        let table: [(Int, [UInt8])] = [
            (0, [0x81, 0]), (125, [0x81, 125]), (126, [0x81, 126, 0, 126]), (65_535, [0x81, 126, 0xff, 0xff]),
            (65_536, [0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0]), (0x0102_0304, [0x81, 127, 0, 0, 0, 0, 1, 2, 3, 4]),
        ]
        for (length, expected) in table {
            let size = WebSocketFrameHeader.write(payloadLength: length, at: buffer)
            XCTAssertEqual(size, WebSocketFrameHeader.size(payloadLength: length), "\(length)")
            XCTAssertEqual(Array(UnsafeRawBufferPointer(start: buffer, count: size)), expected, "\(length)")
        }
    }

    func testABurstArrivesFrameForFrame() throws {
        // 300 frames: mostly small `next`-sized ones, some of each header class, and more
        // bytes than several coalesced writes carry.
        var payloads: [[UInt8]] = []
        for index in 0..<300 {
            let length = index % 50 == 7 ? 70_000 : index % 10 == 3 ? 300 + index : 20 + index % 100
            payloads.append((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) })
        }
        var configuration = TransportConfiguration()
        configuration.port = 0
        let handler = BurstHandler(payloads: payloads)
        let server = WebSocketServer(configuration: configuration, handler: handler)
        handler.server = server
        try server.start()
        defer {
            server.stop()
            _ = server.waitUntilStopped(timeout: 5)
        }

        let client = try RawWebSocketClient(port: server.port)
        try client.sendMaskedText("burst")
        for (index, expected) in payloads.enumerated() {
            let frame = try client.readFrame()
            XCTAssertEqual(frame.first, 0x81, "frame \(index): FIN + text")
            XCTAssertEqual(frame.payload.count, expected.count, "frame \(index)")
            XCTAssertTrue(frame.payload == expected, "frame \(index): bytes differ")
        }
    }
}
