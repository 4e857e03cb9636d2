import Foundation
import XCTest
@testable import Switchboard

/// The transport in-process: a test handler, real sockets on 127.0.0.1.
final class WebSocketServerTests: XCTestCase {
    final class Handler: TransportHandler, @unchecked Sendable {
        // @unchecked: written on the service thread, read by the test after `post` round-trips.
        weak var server: WebSocketServer?
        var closes: [UInt16] = []
        func didOpen(_ connection: Connection, upgrade: UpgradeRequest) -> UpgradeDecision { .accept }
        func didReceiveText(_ connection: Connection, _ bytes: UnsafeRawBufferPointer) { server?.send(connection, bytes) }
        func didClose(_ connection: Connection, code: UInt16, reason: String) { closes.append(code) }
        func didReceiveHTTP(_ request: HTTPRequest, exchange: HTTPExchange) {
            server?.respond(to: exchange, with: HTTPResponse(status: 200, text: "hello \(request.path) \(request.body.count)"))
        }
    }

    private func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(fd, $0, length)
                _ = getsockname(fd, $0, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Sends `request` on a fresh socket and reads until the peer closes or `until` is seen.
    private func exchange(port: Int, _ request: String, until marker: String) -> String {
        guard let fd = connectLoopbackSocket(port: port) else {
            XCTFail("cannot connect to port \(port)")
            return ""
        }
        defer { close(fd) }
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains(marker) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        return String(decoding: received, as: UTF8.self)
    }

    func testHTTPUpgradeSubprotocolAndShutdown() throws {
        var configuration = TransportConfiguration()
        configuration.port = freePort()
        let handler = Handler()
        let server = WebSocketServer(configuration: configuration, handler: handler)
        handler.server = server
        try server.start()

        let http = exchange(port: server.port, "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc", until: "hello /x 3")
        XCTAssertTrue(http.hasPrefix("HTTP/1.1 200"), http)
        XCTAssertTrue(http.hasSuffix("hello /x 3"), http)

        let upgrade = "GET /graphql HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        let offered = exchange(port: server.port, upgrade + "Sec-WebSocket-Protocol: x, graphql-transport-ws\r\n\r\n", until: "\r\n\r\n")
        XCTAssertTrue(offered.hasPrefix("HTTP/1.1 101"), offered)
        XCTAssertTrue(offered.contains("Sec-WebSocket-Protocol: graphql-transport-ws"), offered)
        let legacy = exchange(port: server.port, upgrade + "Sec-WebSocket-Protocol: graphql-ws\r\n\r\n", until: "\r\n\r\n")
        XCTAssertTrue(legacy.hasPrefix("HTTP/1.1 101"), legacy)
        XCTAssertFalse(legacy.lowercased().contains("sec-websocket-protocol"), legacy)

        let posted = expectation(description: "post runs on the service thread")
        server.post { posted.fulfill() }
        wait(for: [posted], timeout: 5)

        server.stop()
        XCTAssertTrue(server.waitUntilStopped(timeout: 5))
        XCTAssertEqual(handler.closes.count, 2)  // each upgraded socket reported closed once
    }
}
