import XCTest

@testable import Switchboard

final class RecordsTests: XCTestCase {
    func testStoreErrorDescribesItself() {
        let error = StoreError(.cannotOpen, "/tmp/x.sqlite: file is not a database")
        XCTAssertEqual(error.description, "/tmp/x.sqlite: file is not a database")
        XCTAssertEqual(error.kind, .cannotOpen)
    }

    func testRetentionDefaultsKeepEverything() {
        XCTAssertNil(RetentionPolicy.keepEverything.maxAgeSeconds)
        XCTAssertNil(RetentionPolicy.keepEverything.maxEventsPerTopic)
    }
}
