import CSQLite
import Foundation
import XCTest

@testable import Switchboard

final class SQLiteLayerTests: SQLiteStoreTestCase {
    func testOpensInWALWithNormalSyncAndForeignKeys() throws {
        let connection = try rawConnection()
        XCTAssertEqual(try connection.scalarString("PRAGMA journal_mode"), "wal")
        XCTAssertEqual(try connection.scalarInt("PRAGMA synchronous"), 1)  // NORMAL
        XCTAssertEqual(try connection.scalarInt("PRAGMA foreign_keys"), 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file()))
    }

    func testReadOnlyConnectionRefusesWrites() throws {
        let writer = try rawConnection()
        try writer.execute("CREATE TABLE t(x)")
        let reader = try SQLiteConnection(path: file(), mode: .readOnly, busyTimeout: 1)
        XCTAssertThrowsError(try reader.execute("INSERT INTO t VALUES (1)"))
    }

    func testStatementsAreCachedBySQLText() throws {
        let connection = try rawConnection()
        let before = connection.cachedStatementCount  // the pragmas of opening
        let first = try connection.cached("SELECT 1")
        let second = try connection.cached("SELECT 1")
        XCTAssertTrue(first === second)
        _ = try connection.cached("SELECT 2")
        XCTAssertEqual(connection.cachedStatementCount, before + 2)
        XCTAssertEqual(try connection.scalarInt("SELECT 1"), 1)
        XCTAssertEqual(try connection.scalarInt("SELECT 1"), 1)  // reused after reset
    }

    func testTypedBindingAndReadingRoundTrip() throws {
        let connection = try rawConnection()
        try connection.execute("CREATE TABLE t(i INTEGER, d REAL, s TEXT, b BLOB, n TEXT, u TEXT)")
        let insert = try connection.cached("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)")
        try insert.bind(Int64.min, at: 1)
        try insert.bind(2.5, at: 2)
        try insert.bind("héllo \u{1F600}", at: 3)
        try insert.bind(blob: [0, 1, 255], at: 4)
        try insert.bind(nil as String?, at: 5)
        try insert.bind(utf8: Array("{\"a\":1}".utf8), at: 6)
        try insert.run()
        try insert.bind([.integer(7), .real(-1), .text(""), .blob([]), .null, .text("x")])
        try insert.run()

        let select = try connection.cached("SELECT i, d, s, b, n, u, typeof(s), typeof(b) FROM t ORDER BY rowid")
        var rows: [[String]] = []
        try select.forEachRow { row in
            rows.append([
                "\(row.int64(0))", "\(row.double(1))", row.string(2), "\(row.bytes(3))",
                row.optionalString(4) ?? "nil", String(decoding: row.bytes(5), as: UTF8.self), row.string(6), row.string(7),
            ])
        }
        XCTAssertEqual(rows, [
            ["\(Int64.min)", "2.5", "héllo \u{1F600}", "[0, 1, 255]", "nil", "{\"a\":1}", "text", "blob"],
            ["7", "-1.0", "", "[]", "nil", "x", "text", "blob"],
        ])
    }

    func testErrorsCarrySQLiteMessageCodeAndFile() throws {
        let connection = try rawConnection()
        try connection.execute("CREATE TABLE t(id TEXT PRIMARY KEY)")
        try connection.execute("INSERT INTO t VALUES ('a')")
        XCTAssertThrowsError(try connection.execute("INSERT INTO t VALUES ('a')")) { error in
            let sqliteError = error as! SQLiteError
            XCTAssertEqual(sqliteError.primaryCode, SQLITE_CONSTRAINT)
            XCTAssertEqual(sqliteError.code, SQLITE_CONSTRAINT | (6 << 8))  // SQLITE_CONSTRAINT_PRIMARYKEY (a macro Swift cannot import)
            XCTAssertEqual(sqliteError.storeError.kind, .constraint)
            XCTAssertEqual(sqliteError.storeError.message, "\(self.file()): UNIQUE constraint failed: t.id")
        }
        XCTAssertThrowsError(try connection.prepare("SELEC 1")) { error in
            XCTAssertEqual((error as! SQLiteError).storeError.kind, .other)
            XCTAssertTrue((error as! SQLiteError).description.hasPrefix(self.file() + ": near \"SELEC\""))
        }
    }

    func testTransactionCommitsOrRollsBack() throws {
        let connection = try rawConnection()
        try connection.execute("CREATE TABLE t(x)")
        try connection.transaction { () throws(SQLiteError) in try connection.execute("INSERT INTO t VALUES (1)") }
        XCTAssertThrowsError(try connection.transaction { () throws(SQLiteError) in
            try connection.execute("INSERT INTO t VALUES (2)")
            try connection.execute("INSERT INTO nowhere VALUES (3)")
        })
        XCTAssertTrue(connection.isAutocommit)
        XCTAssertEqual(try connection.scalarInt("SELECT group_concat(x) + 0 FROM t"), 1)
    }

    func testSavepointFailureLeavesTheRestOfTheTransaction() throws {
        let connection = try rawConnection()
        try connection.execute("CREATE TABLE t(x UNIQUE)")
        try connection.transaction { () throws(SQLiteError) in
            try connection.savepoint { () throws(SQLiteError) in try connection.execute("INSERT INTO t VALUES (1)") }
            XCTAssertThrowsError(try connection.savepoint { () throws(SQLiteError) in
                try connection.execute("INSERT INTO t VALUES (2)")
                try connection.execute("INSERT INTO t VALUES (1)")  // fails: 2 goes too
            })
            try connection.savepoint { () throws(SQLiteError) in try connection.execute("INSERT INTO t VALUES (3)") }
        }
        let select = try connection.cached("SELECT x FROM t ORDER BY x")
        var values: [Int64] = []
        try select.forEachRow { values.append($0.int64(0)) }
        XCTAssertEqual(values, [1, 3])
    }

    func testMigrationsSetUserVersionAndAreIdempotent() throws {
        let connection = try rawConnection()
        try SQLiteStore.migrate(connection)
        XCTAssertEqual(try connection.scalarInt("PRAGMA user_version"), Int64(SQLiteStore.migrations.count))
        try SQLiteStore.migrate(connection)
        for table in ["events", "connections", "subscriptions", "dead_letters", "settings", "instances"] {
            XCTAssertEqual(try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?", [.text(table)]), 1, table)
        }
        for index in ["events_topic_id", "subscriptions_topic", "connections_user"] {
            XCTAssertEqual(try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE type='index' AND name=?", [.text(index)]), 1, index)
        }
    }

    func testNewerSchemaIsRefused() throws {
        let connection = try rawConnection()
        try connection.execute("PRAGMA user_version = 99")
        XCTAssertThrowsError(try SQLiteStore.migrate(connection)) { error in
            XCTAssertTrue((error as! SQLiteError).description.contains("schema version 99 is newer"))
        }
    }

    func testTimestampsAreISO8601WithMilliseconds() {
        XCTAssertEqual(formatTimestamp(0), "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(formatTimestamp(1_795_428_000_123), "2026-11-23T10:00:00.123Z")
        XCTAssertEqual(formatTimestamp(-1), "1969-12-31T23:59:59.999Z")
        let now = StoreClock.now()
        XCTAssertEqual(now.count, 24)
        XCTAssertTrue(now.hasSuffix("Z"))
    }
}
