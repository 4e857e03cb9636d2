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

/// Just enough of a WebSocket client to read frames byte for byte.
private final class RawWebSocketClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        guard let fd = connectLoopbackSocket(port: port, timeoutSeconds: 10) else { throw Failure("connect failed") }
        self.fd = fd
        try write(Array(("GET /graphql HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n").utf8))
        while true {
            if let end = buffer.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                guard head.hasPrefix("HTTP/1.1 101") else { throw Failure("upgrade refused: \(head)") }
                buffer.removeSubrange(..<end.upperBound)
                return
            }
            try fill()
        }
    }

    deinit { close(fd) }

    func sendMaskedText(_ text: String) throws {
        let payload = Array(text.utf8)
        let mask: [UInt8] = [1, 2, 3, 4]
        try write([0x81, 0x80 | UInt8(payload.count)] + mask + payload.enumerated().map { $1 ^ mask[$0 % 4] })
    }

    func readFrame() throws -> (first: UInt8, payload: [UInt8]) {
        try need(2)
        let first = buffer[0]
        var length = Int(buffer[1] & 0x7f)
        guard buffer[1] & 0x80 == 0 else { throw Failure("a server frame is masked") }
        var headerSize = 2
        if length == 126 {
            try need(4)
            length = Int(buffer[2]) << 8 | Int(buffer[3])
            headerSize = 4
        } else if length == 127 {
            try need(10)
            length = (2..<10).reduce(0) { $0 << 8 | Int(buffer[$1]) }
            headerSize = 10
        }
        try need(headerSize + length)
        let payload = Array(buffer[headerSize..<(headerSize + length)])
        buffer.removeSubrange(..<(headerSize + length))
        return (first, payload)
    }

    private func need(_ count: Int) throws {
        while buffer.count < count { try fill() }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = recv(fd, &chunk, chunk.count, 0)
        guard n > 0 else { throw Failure("the connection ended (\(n))") }
        buffer += chunk[0..<n]
    }

    private func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw Failure("send failed") }
            offset += n
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
