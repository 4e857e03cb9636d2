import Foundation
import XCTest
@testable import Switchboard

/// The pacer alone: how many requests a turn makes, in which order, and which it passes over.
final class WritablePacerTests: XCTestCase {
    private func connections(_ count: Int) -> [Connection] {
        (0..<count).map { Connection(id: ConnectionID(rawValue: UInt64($0)), wsi: nil, remoteAddress: "test") }
    }

    func testATurnAsksForAtMostItsShareAndTheRestFollowInOrder() {
        let per = WritablePacer.armsPerTurn
        let all = connections(per * 2 + 10)
        var pacer = WritablePacer()
        let admitted = all.filter { pacer.admit($0) }
        XCTAssertEqual(admitted.map(\.id), all.prefix(per).map(\.id), "the first turn's share goes at once")
        XCTAssertTrue(all.dropFirst(per).allSatisfy { $0.writableRequest == .waiting }, "the rest wait")

        var asked: [ConnectionID] = []
        let request = { (connection: Connection) in
            connection.writableRequest = .asked  // what WebSocketServer.requestWritable does
            asked.append(connection.id)
        }
        pacer.startTurn(request)
        XCTAssertEqual(asked, all[per..<(per * 2)].map(\.id))
        XCTAssertFalse(pacer.isEmpty)
        pacer.startTurn(request)
        XCTAssertEqual(asked, all[per...].map(\.id))
        XCTAssertTrue(pacer.isEmpty)
    }

    func testOnceSomeoneWaitsNewcomersQueueBehindEvenWithShareLeft() {
        let per = WritablePacer.armsPerTurn
        let all = connections(per + 3)
        var pacer = WritablePacer()
        for connection in all { _ = pacer.admit(connection) }
        var asked: [ConnectionID] = []
        pacer.startTurn { $0.writableRequest = .asked; asked.append($0.id) }
        XCTAssertEqual(asked, all.suffix(3).map(\.id))
        // The turn has share left and nobody waits: a newcomer goes at once.
        let late = connections(1)[0]
        XCTAssertTrue(pacer.admit(late))
    }

    func testConnectionsThatNoLongerWaitArePassedOver() {
        let per = WritablePacer.armsPerTurn
        let all = connections(per + 6)
        var pacer = WritablePacer()
        for connection in all { _ = pacer.admit(connection) }
        // Two of the waiting asked out of turn (a control frame), as requestWritable does.
        all[per].writableRequest = .asked
        all[per + 3].writableRequest = .asked
        var asked: [ConnectionID] = []
        pacer.startTurn { $0.writableRequest = .asked; asked.append($0.id) }
        XCTAssertEqual(asked, [all[per + 1], all[per + 2], all[per + 4], all[per + 5]].map(\.id))
        XCTAssertTrue(pacer.isEmpty)
    }
}
