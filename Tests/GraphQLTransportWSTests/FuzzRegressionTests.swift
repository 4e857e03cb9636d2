import XCTest

@testable import GraphQLTransportWS

/// What the fuzz targets in Fuzzing/ found, kept as tests (each input is also in
/// Fuzzing/corpus/transportws/regression-*).
final class FuzzRegressionTests: XCTestCase {
    /// FuzzTransportWS, regression-long-unknown-type.txt: the 4400 reason quotes an unknown
    /// `type`, which can be any length; what goes into the close frame must still fit 123 bytes.
    func testLongUnknownTypeReasonIsCutToACloseFrame() {
        var m = ConnectionStateMachine()
        let type = "co9" + String(repeating: "é", count: 150)
        let actions = m.receive(text(#"{"type":"\#(type)"}"#))
        guard actions.count == 1, case .close(let code, let reason) = actions[0] else { return XCTFail("\(actions)") }
        XCTAssertEqual(code, .badRequest)
        XCTAssertLessThanOrEqual(reason.utf8.count, 123)
        XCTAssertTrue(reason.hasPrefix("Unknown message type 'co9éé"), reason)
        XCTAssertTrue(m.isClosed)
    }
}
