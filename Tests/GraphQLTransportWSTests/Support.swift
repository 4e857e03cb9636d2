import GraphQL
import XCTest

@testable import GraphQLTransportWS

typealias Action = ConnectionStateMachine.Action

/// A text frame holding `json`.
func text(_ json: String) -> InboundFrame { .text(Array(json.utf8)) }

func utf8(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// A machine whose `connection_init` has been accepted.
func acknowledgedMachine(maxSubscriptions: Int = 100) -> ConnectionStateMachine {
    var m = ConnectionStateMachine(configuration: .init(maxSubscriptions: maxSubscriptions))
    _ = m.receive(text(#"{"type":"connection_init"}"#))
    _ = m.authenticated(.accepted())
    precondition(m.isAcknowledged)
    return m
}

/// A `subscribe` frame for `id` with a trivial query.
func subscribe(_ id: String, query: String = "{ me { id } }") -> InboundFrame {
    var out: [UInt8] = Array(#"{"type":"subscribe","id":"#.utf8)
    JSON.string(id).encode(into: &out)
    out += Array(#","payload":{"query":"#.utf8)
    JSON.string(query).encode(into: &out)
    out += Array("}}".utf8)
    return .text(out)
}

/// Starts `id` on `m` and returns its handle, failing the test if it was not started.
func start(_ m: inout ConnectionStateMachine, _ id: String, file: StaticString = #filePath, line: UInt = #line)
    -> OperationHandle
{
    let actions = m.receive(subscribe(id))
    guard actions.count == 1, case .startOperation(let handle, _) = actions[0] else {
        XCTFail("expected startOperation for \(id), got \(actions)", file: file, line: line)
        return OperationHandle(id: id, serial: 0)
    }
    XCTAssertEqual(handle.id, id, file: file, line: line)
    return handle
}
