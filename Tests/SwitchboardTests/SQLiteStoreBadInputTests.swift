import Foundation
import XCTest

@testable import Switchboard

final class SQLiteStoreBadInputTests: SQLiteStoreTestCase {
    private func openError(_ path: String, configure: (inout SQLiteStore.Options) -> Void = { _ in }) -> StoreError? {
        var options = SQLiteStore.Options()
        configure(&options)
        do {
            let store = try SQLiteStore(path: path, options: options)
            store.close()
            return nil
        } catch {
            return error
        }
    }

    func testAFileThatIsNotADatabase() throws {
        let path = file("notes.sqlite")
        let junk = Array(String(repeating: "this is not SQLite, just text\n", count: 200).utf8)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(junk)))
        let error = try XCTUnwrap(openError(path))
        XCTAssertEqual(error.kind, .cannotOpen)
        XCTAssertEqual(error.message, "\(path): file is not a database")
        // Nothing written: the file is as it was, no journal beside it.
        XCTAssertEqual(Array(FileManager.default.contents(atPath: path)!), junk)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-journal"))
    }

    func testAMissingDirectoryIsNamedAsMissing() throws {
        let missing = file("no-such-dir")
        let path = missing + "/store.sqlite"
        let error = try XCTUnwrap(openError(path))
        XCTAssertEqual(error.kind, .cannotOpen)
        XCTAssertTrue(error.message.hasPrefix("\(path): unable to open database file"), error.message)
        XCTAssertTrue(error.message.hasSuffix("the directory \(missing) does not exist"), error.message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
    }

    func testAReadOnlyDirectory() throws {
        let readOnly = file("locked-dir")
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
        XCTAssertEqual(chmod(directory, 0o755), 0)
        XCTAssertEqual(chmod(readOnly, 0o555), 0)
        defer { chmod(readOnly, 0o755) }
        let path = readOnly + "/store.sqlite"
        let error = try asUnprivileged { openError(path) }
        let unwrapped = try XCTUnwrap(error)
        XCTAssertEqual(unwrapped.kind, .readOnly)
        XCTAssertTrue(unwrapped.message.hasPrefix("\(path): unable to open database file"), unwrapped.message)
        XCTAssertTrue(unwrapped.message.hasSuffix("the directory \(readOnly) is read-only"), unwrapped.message)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: readOnly), [])
    }

    func testAnExistingStoreInADirectoryMadeReadOnly() throws {
        let dir = file("made-read-only")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        let path = dir + "/store.sqlite"
        let store = try SQLiteStore(path: path, options: .init())
        store.close()
        let before = try FileManager.default.contentsOfDirectory(atPath: dir)
        XCTAssertEqual(chmod(directory, 0o755), 0)
        XCTAssertEqual(chmod(dir, 0o555), 0)
        XCTAssertEqual(chmod(path, 0o444), 0)
        defer { chmod(dir, 0o755) }
        let error = try XCTUnwrap(try asUnprivileged { openError(path) })
        XCTAssertEqual(error.kind, .readOnly, error.message)
        XCTAssertTrue(error.message.hasPrefix(path + ": "), error.message)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), before)
    }

    func testALockedDatabase() async throws {
        let path = file()
        // Another program holds the write lock and does not let go.
        let other = try rawConnection()
        try SQLiteStore.migrate(other)
        try other.execute("BEGIN EXCLUSIVE; INSERT INTO settings VALUES ('held', 'yes')")

        // A server must register its instance: it cannot, and says so after the timeout.
        let started = Date()
        let error = try XCTUnwrap(openError(path) { $0.busyTimeout = 0.2 })
        XCTAssertEqual(error.kind, .busy)
        XCTAssertEqual(error.message, "\(path): database is locked")
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)

        // A CLI store opens (it needs no write to open) but its append fails the same way,
        // and nothing of it is stored.
        let cli = try openStore { $0.busyTimeout = 0.2; $0.registersInstance = false }
        do {
            _ = try await cli.append(event("chat:1", "blocked"))
            XCTFail("append succeeded under a lock")
        } catch {
            XCTAssertEqual(error.kind, .busy)
            XCTAssertEqual(error.message, "\(path): database is locked")
        }
        try other.execute("ROLLBACK")
        let stored = try await cli.append(event("chat:1", "after"))
        XCTAssertEqual(stored.id, 1)
        XCTAssertEqual(try count("SELECT count(*) FROM events"), 1)
    }

    func testAFullDiskFailsTheWriteAloneAndReadsGoOn() async throws {
        let path = file()
        let store = try openStore { $0.maxPageCount = 40 }  // 40 pages of 4 KiB
        let big = Array(("{\"text\":\"" + String(repeating: "x", count: 3_000) + "\"}").utf8)
        var committed: [StoredEvent] = []
        var failure: StoreError?
        for _ in 0..<200 {
            do {
                committed += try await store.append([NewEvent(topic: "chat:1", payload: big), NewEvent(topic: "chat:1", payload: big)])
            } catch {
                failure = error
                break
            }
        }
        let error = try XCTUnwrap(failure, "the size limit was never reached")
        XCTAssertEqual(error.kind, .full)
        XCTAssertEqual(error.message, "\(path): database or disk is full")
        XCTAssertFalse(committed.isEmpty)

        // Nothing half-written: exactly the committed events, in pairs; reads still work.
        let stored = try await store.events(after: 0, limit: 10_000)
        XCTAssertEqual(stored, committed)
        XCTAssertEqual(stored.count % 2, 0)
        let latest = try await store.latestEventID()
        XCTAssertEqual(latest, committed.last!.id)
        // Small writes that fit still go through after the failure.
        try await store.setSetting("after", value: "full")
        let value = try await store.setting("after")
        XCTAssertEqual(value, "full")
    }

    func testOneFullItemInAGroupFailsWhileTheOthersReportTheTruth() throws {
        let store = try openStore { $0.maxPageCount = 30 }
        let held = holdWriter(store, seconds: 0.2)
        wait(for: [held], timeout: 5)
        let huge = Array(("{\"text\":\"" + String(repeating: "y", count: 400_000) + "\"}").utf8)
        let results = LockedBox<[Int: Bool]>([:])
        let done = expectation(description: "writes")
        done.expectedFulfillmentCount = 3
        for (index, payload) in [Array("{}".utf8), huge, Array("{}".utf8)].enumerated() {
            store.append([NewEvent(topic: "chat:1", payload: payload)]) { result in
                results.update { $0[index] = (try? result.get()) != nil }
                done.fulfill()
            }
        }
        wait(for: [done], timeout: 10)
        let outcome = results.get()
        XCTAssertEqual(outcome[1], false)
        // What each completion said is what the file holds.
        let reported = outcome.values.filter { $0 }.count
        XCTAssertEqual(try count("SELECT count(*) FROM events"), Int64(reported))
        XCTAssertEqual(outcome[2], true)
    }

    /// Runs `body` as an unprivileged user when the tests run as root (as in containers),
    /// since root writes into read-only directories regardless. Linux's `setfsuid` changes
    /// the file-system identity of this thread only, and drops root's file capabilities.
    private func asUnprivileged<T>(_ body: () throws -> T) throws -> T {
        guard geteuid() == 0 else { return try body() }
        typealias SetFSUID = @convention(c) (UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "setfsuid") else {
            throw XCTSkip("running as root without setfsuid: a read-only directory cannot be simulated")
        }
        let setfsuid = unsafeBitCast(symbol, to: SetFSUID.self)
        _ = setfsuid(65_534)
        defer { _ = setfsuid(0) }
        return try body()
    }
}
