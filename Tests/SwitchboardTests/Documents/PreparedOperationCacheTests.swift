import GraphQL
import XCTest

@testable import Switchboard

final class PreparedOperationCacheTests: XCTestCase {
    let schema = GraphQLHTTPFixture.schema

    func document(_ text: String) throws -> Document { try parseDocument(Source(text)) }

    func run(_ prepared: PreparedOperation) async -> String {
        await prepared.execute(resolvers: GraphQLHTTPFixture.resolvers(mutations: Counter())).encodedString()
    }

    func testAKnownDocumentIsReboundToEachRequestsVariables() async throws {
        let cache = PreparedOperationCache()
        let text = "query($name: String) { hello(name: $name) }"
        let doc = try document(text)
        for (index, name) in ["ada", "bob", "cy"].enumerated() {
            let prepared = try cache.prepared(
                text: text, document: doc, operationName: nil, variables: ["name": .string(name)], schema: schema)
            let outPrepared = await run(prepared)
            XCTAssertEqual(outPrepared, #"{"data":{"hello":"Hello, \#(name)!"}}"#)
            XCTAssertEqual([cache.hits, cache.misses, cache.count], [index, 1, 1])
        }
    }

    func testTheOperationNameAndTheSchemaArePartOfTheKey() throws {
        let cache = PreparedOperationCache()
        let text = "query A { hello } query B { hello(name: \"b\") }"
        let doc = try document(text)
        _ = try cache.prepared(text: text, document: doc, operationName: "A", variables: [:], schema: schema)
        _ = try cache.prepared(text: text, document: doc, operationName: "B", variables: [:], schema: schema)
        let other = try buildSchema(Source(GraphQLHTTPFixture.sdl))
        _ = try cache.prepared(text: text, document: doc, operationName: "B", variables: [:], schema: other)
        XCTAssertEqual([cache.hits, cache.misses, cache.count], [0, 3, 3])
        _ = try cache.prepared(text: text, document: doc, operationName: "A", variables: [:], schema: schema)
        XCTAssertEqual([cache.hits, cache.misses, cache.count], [1, 3, 3])
    }

    func testAnOperationWhoseFieldsDependOnVariablesIsNotKept() async throws {
        let cache = PreparedOperationCache()
        let text = "query($t: Boolean!) { hello @include(if: $t) count(n: 1) }"
        let doc = try document(text)
        let yes = try cache.prepared(text: text, document: doc, operationName: nil, variables: ["t": .bool(true)], schema: schema)
        let no = try cache.prepared(text: text, document: doc, operationName: nil, variables: ["t": .bool(false)], schema: schema)
        XCTAssertEqual([cache.hits, cache.misses, cache.count], [0, 2, 0])
        let outYes = await run(yes)
        XCTAssertEqual(outYes, #"{"data":{"hello":"Hello, world!","count":1}}"#)
        let outNo = await run(no)
        XCTAssertEqual(outNo, #"{"data":{"count":1}}"#)
    }

    func testBadVariablesFailOnAHitAsOnAMissAndKeepNothingBad() async throws {
        let cache = PreparedOperationCache()
        let text = "query($n: Int!) { count(n: $n) }"
        let doc = try document(text)
        func failure(_ variables: JSONObject) -> [String] {
            do {
                _ = try cache.prepared(text: text, document: doc, operationName: nil, variables: variables, schema: schema)
                return []
            } catch {
                return error.errors.map(\.message)
            }
        }
        let onMiss = failure(["n": .string("x")])
        XCTAssertEqual(onMiss, [#"Variable '$n' has invalid value: Int cannot represent non-integer value: 'x'"#])
        XCTAssertEqual(cache.count, 0)
        let good = try cache.prepared(text: text, document: doc, operationName: nil, variables: ["n": .int(2)], schema: schema)
        let outGood = await run(good)
        XCTAssertEqual(outGood, #"{"data":{"count":2}}"#)
        XCTAssertEqual(failure(["n": .string("x")]), onMiss)
        XCTAssertEqual(failure([:]), [#"Variable '$n' has invalid value: Expected a value of non-null type 'Int!' to be provided."#])
        let again = try cache.prepared(text: text, document: doc, operationName: nil, variables: ["n": .int(3)], schema: schema)
        let outAgain = await run(again)
        XCTAssertEqual(outAgain, #"{"data":{"count":3}}"#)
        XCTAssertEqual([cache.hits, cache.misses, cache.count], [3, 2, 1])
    }

    func testBoundedItStartsOverWhenFullAndSkipsLongTexts() throws {
        let cache = PreparedOperationCache(capacity: 2, maxTextBytes: 40)
        for n in 1...3 {
            let text = "{ count(n: \(n)) }"
            _ = try cache.prepared(text: text, document: try document(text), operationName: nil, variables: [:], schema: schema)
        }
        XCTAssertEqual(cache.count, 1)
        let long = "{ hello(name: \"" + String(repeating: "x", count: 40) + "\") }"
        _ = try cache.prepared(text: long, document: try document(long), operationName: nil, variables: [:], schema: schema)
        XCTAssertEqual([cache.misses, cache.count], [4, 1])
    }
}
