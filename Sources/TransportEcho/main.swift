// The transport alone, with an echo handler: what Tests/test_transport.py drives over real sockets.
//
//   TransportEcho [--host H] [--port P] [--max-connections N] [--max-message-bytes N]
//                 [--max-queue-bytes N] [--max-body-bytes N] [--keepalive S] [--tls-cert F --tls-key F]
//
// WebSocket text is echoed, except commands: `!flood N SIZE` (N frames of SIZE bytes), `!timer MS
// TOKEN` (then `fired TOKEN`), `!close CODE REASON`, `!info` (subprotocol, authorization, query).
// HTTP: GET /hello, POST /echo, GET /later (answered from another thread through the mailbox),
// GET /stats (closes by code, dropped frames), anything else 404.
import Foundation
import Switchboard

var configuration = TransportConfiguration()
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard let value = arguments.popFirst() else { fatalError("\(flag) needs a value") }
    switch flag {
    case "--host": configuration.host = value
    case "--port": configuration.port = Int(value)!
    case "--max-connections": configuration.maxConnections = Int(value)!
    case "--max-message-bytes": configuration.maxMessageBytes = Int(value)!
    case "--max-queue-bytes": configuration.maxQueueBytes = Int(value)!
    case "--max-body-bytes": configuration.maxBodyBytes = Int(value)!
    case "--keepalive": configuration.keepaliveSeconds = Int(value)!
    case "--tls-cert": configuration.tlsCertificatePath = value
    case "--tls-key": configuration.tlsKeyPath = value
    default: fatalError("unknown flag \(flag)")
    }
}

final class EchoHandler: TransportHandler {
    unowned(unsafe) var server: WebSocketServer!
    var closesByCode: [UInt16: Int] = [:]
    var droppedFrames = 0
    var opened = 0

    func didOpen(_ connection: Connection, upgrade: UpgradeRequest) -> UpgradeDecision {
        if upgrade.queryValue("reject") != nil { return .reject(status: 403) }
        opened += 1
        connection.userData = UpgradeBox(upgrade)
        return .accept
    }

    func didReceiveText(_ connection: Connection, _ bytes: UnsafeRawBufferPointer) {
        guard bytes.first == UInt8(ascii: "!") else {
            server.send(connection, bytes)
            return
        }
        let words = String(decoding: bytes, as: UTF8.self).split(separator: " ", maxSplits: 2).map(String.init)
        switch words[0] {
        case "!flood":
            let count = Int(words[1])!, size = Int(words[2])!
            for i in 0..<count {
                server.send(connection, byteCount: size, tag: UInt64(i)) { buffer in
                    buffer.initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "x"))
                }
            }
        case "!timer":
            server.schedule(connection, after: Double(words[1])! / 1000, token: UInt64(words[2])!)
        case "!close":
            server.close(connection, code: UInt16(words[1])!, reason: words.count > 2 ? words[2] : "")
        case "!info":
            let upgrade = (connection.userData as! UpgradeBox).upgrade
            let info: [String: String] = [
                "subprotocol": connection.subprotocol ?? "",
                "offered": upgrade.offeredSubprotocols.joined(separator: ","),
                "authorization": upgrade.authorization ?? "",
                "token": upgrade.queryValue("token") ?? "",
                "path": upgrade.path,
                "remote": upgrade.remoteAddress,
            ]
            let data = try! JSONSerialization.data(withJSONObject: info, options: [.sortedKeys])
            server.send(connection, [UInt8](data))
        default:
            server.send(connection, bytes)
        }
    }

    func didReceiveBinary(_ connection: Connection) {
        server.close(connection, code: 1003, reason: "Binary not supported")
    }

    func didClose(_ connection: Connection, code: UInt16, reason: String) {
        closesByCode[code, default: 0] += 1
    }

    func didFire(_ connection: Connection, token: UInt64) {
        server.send(connection, text: "fired \(token)")
    }

    func didDropFrames(_ connection: Connection, _ frames: DroppedFrames) {
        droppedFrames += frames.frames.count
    }

    func didReceiveHTTP(_ request: HTTPRequest, exchange: HTTPExchange) {
        switch (request.method, request.path) {
        case ("GET", "/hello"):
            server.respond(to: exchange, with: HTTPResponse(status: 200, headers: [("X-Echo-Query", request.queryValue("q") ?? "")], text: "hello"))
        case ("POST", "/echo"):
            server.respond(to: exchange, with: HTTPResponse(
                status: 200, contentType: request.header("content-type") ?? "application/octet-stream",
                headers: [("X-Body-Bytes", String(request.body.count))], body: request.body))
        case ("GET", "/later"):
            let server = self.server!
            Thread.detachNewThread {
                usleep(50_000)
                server.post { server.respond(to: exchange, with: HTTPResponse(status: 202, text: "later")) }
            }
        case ("GET", "/stats"):
            var object: [String: Any] = ["dropped": droppedFrames, "opened": opened,
                                         "open": server.webSocketConnectionCount]
            object["closes"] = Dictionary(uniqueKeysWithValues: closesByCode.map { (String($0.key), $0.value) })
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            server.respond(to: exchange, with: HTTPResponse(status: 200, contentType: "application/json", body: [UInt8](data)))
        default:
            server.respond(to: exchange, with: HTTPResponse(status: 404, text: "not found"))
        }
    }
}

final class UpgradeBox {
    let upgrade: UpgradeRequest
    init(_ upgrade: UpgradeRequest) { self.upgrade = upgrade }
}

let handler = EchoHandler()
let server = WebSocketServer(configuration: configuration, handler: handler)
handler.server = server
nonisolated(unsafe) var runningServer: WebSocketServer?
runningServer = server
signal(SIGINT) { _ in runningServer?.stop() }
signal(SIGTERM) { _ in runningServer?.stop() }
signal(SIGPIPE, SIG_IGN)

do {
    try server.start()
} catch {
    FileHandle.standardError.write(Data("TransportEcho: \(error)\n".utf8))
    exit(1)
}
let scheme = configuration.usesTLS ? "wss" : "ws"
FileHandle.standardError.write(Data("listening on \(scheme)://\(configuration.host):\(server.port)/graphql\n".utf8))
server.waitUntilStopped()
FileHandle.standardError.write(Data("stopped\n".utf8))
exit(0)
