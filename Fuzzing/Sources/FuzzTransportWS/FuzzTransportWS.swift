import FuzzSupport
import GraphQL
import GraphQLTransportWS

// Input: one connection's life, one line per event. A line is a text frame's bytes, except the
// directives `#binary` (a binary frame), `#timeout` (the init timer fires), `#expired` (the
// token expires), `#reject` (the next `connection_init` is refused), `#end` and `#fail` (the
// oldest live operation ends or fails on the server's side), `#close <reason>` (the server closes
// 1009 with that reason, which must be cut to fit).
// The whole input is also decoded as one message, so multi-line JSON reaches the decoder.
//
// The fake server answers the machine's requests the way the real one may: it accepts a
// `connection_init` (unless told to reject), and reports each started operation active,
// ended or failed, chosen by a hash of its id. What must hold:
// - decoding never traps; a failure closes 4400, with a reason cut to fit a close frame;
// - a close is the last action the machine ever returns;
// - every operation the machine starts is stopped exactly once, by the server's report or by a
//   `stopOperation`; the count of live operations never passes the limit;
// - every message the server is told to send encodes to a JSON object with a string `type`.

let maxSubscriptions = 3

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTransportWS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    checkDecode(bytes)
    var connection = FakeConnection()
    for line in split(bytes, on: UInt8(ascii: "\n")) {
        connection.event(line)
    }
    connection.finish()
    return 0
}

func checkDecode(_ bytes: [UInt8]) {
    do {
        let message = try MessageDecoder.decode(bytes)
        if case .subscribe(let id, _) = message { require(!id.isEmpty, "decoded an empty id") }
    } catch {
        // The reason may be long (it can quote the message's `type`); the machine cuts it to fit
        // the close frame, which `FakeConnection.apply` checks.
        require(error.closeCode == .badRequest, "decoding error \(error) closes with \(error.closeCode)")
    }
}

/// The server's side of one connection, enough to drive the machine and check what it asks for.
struct FakeConnection {
    var machine = ConnectionStateMachine(configuration: .init(maxSubscriptions: maxSubscriptions))
    /// Operations started and not yet stopped, oldest first.
    var live: [OperationHandle] = []
    var rejectNextInit = false
    var closed = false

    mutating func event(_ line: [UInt8]) {
        switch String(decoding: line, as: UTF8.self) {
        case "#binary": apply(machine.receive(.binary))
        case "#timeout": apply(machine.receive(.initTimeoutFired))
        case "#expired": apply(machine.receive(.tokenExpired))
        case "#reject": rejectNextInit = true
        case "#end":
            if let first = live.first { apply(machine.operationEnded(first), ended: first) }
        case "#fail":
            if let first = live.first {
                apply(machine.operationFailed(first, errors: [GraphQLError("failed")]), ended: first)
            }
        case let text where text.hasPrefix("#close "):
            apply(machine.close(.messageTooBig, reason: String(text.dropFirst(7))))
        default: apply(machine.receive(.text(line)))
        }
        require(machine.liveOperationCount <= maxSubscriptions, "\(machine.liveOperationCount) live operations")
        require(machine.liveOperations == live, "machine has \(machine.liveOperations), server has \(live)")
    }

    /// Ends the connection the way a shutdown does: everything still live must be stopped.
    mutating func finish() {
        apply(machine.close(.goingAway))
        require(live.isEmpty, "operations never stopped: \(live)")
        require(machine.receive(.text(Array(#"{"type":"ping"}"#.utf8))).isEmpty, "input accepted after close")
    }

    /// Carries out `actions`; `ended` is an operation the server itself just reported finished
    /// (its answer is one `complete` or `error`, or nothing when it had ended already).
    mutating func apply(_ actions: [ConnectionStateMachine.Action], ended: OperationHandle? = nil) {
        if closed {
            require(actions.isEmpty, "actions after close: \(actions)")
            return
        }
        if let ended, !actions.isEmpty {
            require(actions.count == 1, "one report, several actions: \(actions)")
            live.removeAll { $0 == ended }
        }
        for (index, action) in actions.enumerated() {
            switch action {
            case .send(let message):
                checkEncoding(message)
            case .close(let code, let reason):
                require(index == actions.count - 1, "actions after a close: \(actions)")
                require(reason.utf8.count <= 123, "close reason of \(reason.utf8.count) bytes")
                require(code.rawValue >= 1000, "close code \(code.rawValue)")
                require(live.isEmpty, "closed with operations still live: \(live)")
                closed = true
            case .authenticate:
                let result: ConnectionStateMachine.AuthenticationResult =
                    rejectNextInit ? .rejected : .accepted(ackPayload: ["hello": .string("fuzz")])
                rejectNextInit = false
                apply(machine.authenticated(result))
            case .startOperation(let handle, _):
                require(!live.contains { $0.id == handle.id }, "\(handle) started while its id is live")
                live.append(handle)
                answer(handle)
            case .stopOperation(let handle):
                require(live.contains(handle), "stopped \(handle), which is not live")
                live.removeAll { $0 == handle }
            }
        }
    }

    /// What the server does with a new operation, steered by its id.
    mutating func answer(_ handle: OperationHandle) {
        switch fnv1a(handle.id.utf8) % 4 {
        case 0: machine.operationActivated(handle)
        case 1: apply(machine.operationEnded(handle), ended: handle)
        case 2:
            let error = GraphQLError("Syntax Error: \(handle.id)")
            apply(machine.operationFailed(handle, errors: [error]), ended: handle)
        default: break  // still preparing
        }
    }
}

func checkEncoding(_ message: ServerMessage) {
    let bytes = message.encoded()
    guard case .object(let object)? = try? JSON.parse(bytes) else {
        require(false, "\(message) encodes to \(String(decoding: bytes, as: UTF8.self)), not a JSON object")
        return
    }
    guard case .string? = object["type"] else {
        require(false, "\(message) encodes without a string type")
        return
    }
}
