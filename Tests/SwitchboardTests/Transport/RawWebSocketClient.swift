import Foundation

/// Just enough of a WebSocket client to read frames byte for byte.
final class RawWebSocketClient {
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

    /// The next frame, which must be a whole text frame.
    func readText() throws -> String {
        let frame = try readFrame()
        guard frame.first == 0x81 else { throw Failure("not a final text frame: \(frame.first)") }
        return String(decoding: frame.payload, as: UTF8.self)
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
