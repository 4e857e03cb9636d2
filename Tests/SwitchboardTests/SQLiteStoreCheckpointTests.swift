import Foundation
import XCTest

@testable import Switchboard

/// The WAL is checkpointed by the watcher, not inside the writer's commits, and stays bounded.
final class SQLiteStoreCheckpointTests: SQLiteStoreTestCase {
    func testWalStaysBoundedWhenTheWatcherCheckpoints() async throws {
        let store = try openStore { options in
            options.walCheckpointPages = 100
            options.watchInterval = 0.005
            options.groupCommitWindow = 0
        }
        // 3,000 commits of one event each: without checkpoints the WAL would hold several
        // thousand pages (over 10 MB); with a checkpoint every ~100 pages it restarts often.
        for number in 0..<3_000 {
            _ = try await store.append(event("chat:\(number % 5)", "message \(number)"))
        }
        XCTAssertGreaterThan(store.checkpointRequest.count, 0, "the watcher never checkpointed")
        let walSize = try XCTUnwrap(
            FileManager.default.attributesOfItem(atPath: file("store.sqlite") + "-wal")[.size] as? Int)
        // The file keeps its high-water mark, and on a loaded machine a checkpoint can lag a
        // few hundred commits behind (5.8 MB was seen once with the CPUs busy with a build);
        // without checkpoints it passes 10 MB, so 8 MB still tells the two apart.
        XCTAssertLessThan(walSize, 8 * 1024 * 1024, "WAL grew to \(walSize) bytes")
        let stored = try await store.events(after: 0, limit: 5_000)
        XCTAssertEqual(stored.map(\.id), Array(1...3_000))
    }
}
