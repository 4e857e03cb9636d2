import GraphQL
import XCTest

@testable import Switchboard

final class DocumentCacheTests: XCTestCase {
    let schema = GraphQLHTTPFixture.schema

    func testMissThenHitReturnsTheSameDocument() throws {
        let cache = DocumentCache()
        let first = cache.document(for: "{ hello }", schema: schema)
        XCTAssertEqual([cache.hits, cache.misses, cache.count], [0, 1, 1])
        let second = cache.document(for: "{ hello }", schema: schema)
        XCTAssertEqual([cache.hits, cache.misses, cache.count], [1, 1, 1])
        let a = try XCTUnwrap(first.document)
        let b = try XCTUnwrap(second.document)
        // The same parsed document (its Source object), not a second parse.
        XCTAssertTrue(a.source === b.source)
        XCTAssertEqual(a.definitions.count, 1)
    }

    func testTheTextIsTheKeyExactly() {
        let cache = DocumentCache()
        _ = cache.document(for: "{ hello }", schema: schema)
        _ = cache.document(for: "{hello}", schema: schema)
        _ = cache.document(for: "{ hello }\n", schema: schema)
        XCTAssertEqual([cache.hits, cache.misses, cache.count], [0, 3, 3])
    }

    func testTheSchemaIsPartOfTheKey() throws {
        let other = try buildSchema(Source("type Query { hello: Int }"))
        let cache = DocumentCache()
        XCTAssertNotNil(cache.document(for: "{ hello }", schema: schema).document)
        XCTAssertNotNil(cache.document(for: "{ hello }", schema: other).document)
        XCTAssertEqual([cache.hits, cache.misses, cache.count], [0, 2, 2])
        // Valid for one schema, invalid for another: each keeps its own answer.
        let text = #"{ hello(name: "x") }"#
        XCTAssertNotNil(cache.document(for: text, schema: schema).document)
        XCTAssertEqual(
            cache.document(for: text, schema: other).errors.map(\.message), ["Unknown argument 'name' on field 'Query.hello'."])
        XCTAssertTrue(cache.contains(text, schema: schema))
        XCTAssertTrue(cache.contains(text, schema: other))
    }

    func testParseErrorsAreCachedWithCodeAndLocation() {
        let cache = DocumentCache()
        for _ in 0..<3 {
            guard case .invalid(let errors, let kind) = cache.document(for: "{ hello", schema: schema) else {
                return XCTFail("a document that does not parse is invalid")
            }
            XCTAssertEqual(kind, .parse)
            XCTAssertEqual(errors.count, 1)
            XCTAssertEqual(errors.first?.message, "Syntax Error: Expected Name, found <EOF>.")
            XCTAssertEqual(errors.first?.locations, [SourceLocation(line: 1, column: 8)])
            XCTAssertEqual(errors.first?.code, "GRAPHQL_PARSE_FAILED")
        }
        XCTAssertEqual([cache.hits, cache.misses, cache.count], [2, 1, 1])
    }

    func testValidationErrorsAreCachedEveryOneWithItsCode() {
        let cache = DocumentCache()
        for _ in 0..<2 {
            guard case .invalid(let errors, let kind) = cache.document(for: "{ nope hello(x: 1) }", schema: schema) else {
                return XCTFail("a document that does not validate is invalid")
            }
            XCTAssertEqual(kind, .validation)
            XCTAssertEqual(
                errors.map(\.message),
                ["Cannot query field 'nope' on type 'Query'.", "Unknown argument 'x' on field 'Query.hello'."])
            XCTAssertEqual(errors.map(\.locations), [[SourceLocation(line: 1, column: 3)], [SourceLocation(line: 1, column: 14)]])
            XCTAssertEqual(errors.map(\.code), ["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_VALIDATION_FAILED"])
        }
        XCTAssertEqual([cache.hits, cache.misses], [1, 1])
    }

    /// Least recently used goes first: a hit renews an entry.
    func testEvictsTheLeastRecentlyUsed() {
        let cache = DocumentCache(capacity: 3)
        for t in ["{ a: hello }", "{ b: hello }", "{ c: hello }"] { _ = cache.document(for: t, schema: schema) }
        _ = cache.document(for: "{ a: hello }", schema: schema)  // a is now the most recent; b the least
        _ = cache.document(for: "{ d: hello }", schema: schema)
        XCTAssertEqual(cache.count, 3)
        XCTAssertEqual(cache.evictions, 1)
        XCTAssertFalse(cache.contains("{ b: hello }", schema: schema))
        for t in ["{ a: hello }", "{ c: hello }", "{ d: hello }"] { XCTAssertTrue(cache.contains(t, schema: schema), t) }
        // contains() does not renew: c is still the least recent.
        _ = cache.document(for: "{ e: hello }", schema: schema)
        XCTAssertFalse(cache.contains("{ c: hello }", schema: schema))
        XCTAssertEqual(cache.evictions, 2)
        // An evicted text is a miss again.
        let misses = cache.misses
        _ = cache.document(for: "{ b: hello }", schema: schema)
        XCTAssertEqual(cache.misses, misses + 1)
    }

    /// Many more distinct documents than room: the count stays at capacity and exactly the most
    /// recent ones remain (slots are reused through the free list).
    func testStaysBoundedUnderManyDistinctDocuments() {
        let cache = DocumentCache(capacity: 1_000)
        for i in 0..<2_500 { _ = cache.document(for: "{ a\(i): hello }", schema: schema) }
        XCTAssertEqual(cache.count, 1_000)
        XCTAssertEqual(cache.evictions, 1_500)
        XCTAssertFalse(cache.contains("{ a1499: hello }", schema: schema))
        XCTAssertTrue(cache.contains("{ a1500: hello }", schema: schema))
        XCTAssertTrue(cache.contains("{ a2499: hello }", schema: schema))
        // And every remaining one is a hit.
        for i in 1_500..<2_500 { _ = cache.document(for: "{ a\(i): hello }", schema: schema) }
        XCTAssertEqual(cache.hits, 1_000)
        XCTAssertEqual(cache.misses, 2_500)
    }

    func testCapacityOneAlwaysHoldsTheLastDocument() {
        let cache = DocumentCache(capacity: 1)
        _ = cache.document(for: "{ hello }", schema: schema)
        _ = cache.document(for: "{ whoami }", schema: schema)
        _ = cache.document(for: "{ whoami }", schema: schema)
        XCTAssertEqual([cache.count, cache.hits, cache.misses, cache.evictions], [1, 1, 2, 1])
        XCTAssertTrue(cache.contains("{ whoami }", schema: schema))
    }

    /// A text over `maxTextBytes` is answered but never stored.
    func testLongTextsAreNotStored() {
        let cache = DocumentCache(maxTextBytes: 64)
        let long = "{ hello " + String(repeating: "# padding\n", count: 10) + "}"
        XCTAssertNotNil(cache.document(for: long, schema: schema).document)
        XCTAssertNotNil(cache.document(for: long, schema: schema).document)
        XCTAssertEqual([cache.hits, cache.misses, cache.count], [0, 2, 0])
    }

    /// A thousand subscribers sending one subscription: one parse and validation.
    func testOneParseForAThousandIdenticalSubscriptions() {
        let cache = DocumentCache()
        let text = "subscription OnTick { tick }"
        for _ in 0..<1_000 { XCTAssertNotNil(cache.document(for: text, schema: schema).document) }
        XCTAssertEqual([cache.hits, cache.misses, cache.count], [999, 1, 1])
    }

    func testRemoveAll() {
        let cache = DocumentCache(capacity: 2)
        for t in ["{ a: hello }", "{ b: hello }", "{ c: hello }"] { _ = cache.document(for: t, schema: schema) }
        cache.removeAll()
        XCTAssertEqual(cache.count, 0)
        XCTAssertFalse(cache.contains("{ c: hello }", schema: schema))
        // Still works after: insertion, hit, eviction.
        for t in ["{ a: hello }", "{ b: hello }", "{ a: hello }", "{ c: hello }"] { _ = cache.document(for: t, schema: schema) }
        XCTAssertEqual(cache.count, 2)
        XCTAssertTrue(cache.contains("{ a: hello }", schema: schema))
        XCTAssertFalse(cache.contains("{ b: hello }", schema: schema))
    }
}
