import XCTest

@testable import GraphQL

/// `PreparedOperation.rebinding(variables:)`: an operation prepared with one request's variables
/// and executed with another's gives exactly what preparing with the second set gives (which
/// `ExecutionTests` holds to graphql-core's answers), and nothing of the first set shows.
final class PreparedOperationReuseTests: XCTestCase {
    typealias Fixture = ExecutionTests

    /// (name, document, first variables, second variables, reusable)
    static let pairs: [(String, String, String, String, Bool)] = [
        ("variables into arguments",
         #"query($x: Int, $s: String, $f: Filter, $l: [Int], $p: Pick) { echo(x: $x, s: $s, f: $f, l: $l, p: $p) }"#,
         #"{"x":9,"f":{"tags":["a","b"],"nested":{"a":2,"b":null}},"l":3,"p":{"a":1}}"#,
         #"{"x":1,"s":"other","l":[7,8],"p":{"b":"z"}}"#, true),
        ("a variable left out the second time", #"query($s: String = "vd", $x: Int) { echo(s: $s, x: $x) }"#,
         #"{"s":"first","x":3}"#, #"{}"#, true),
        ("variables inside a list and an object", #"query($a: Int, $b: Int) { echo(l: [$a, $b, 3], f: {nested: {a: 1}, limit: $b}) }"#,
         #"{"a":1}"#, #"{"a":5,"b":6}"#, true),
        ("literal and variable arguments side by side", #"query($x: Int) { a: echo(x: 1, s: "lit") b: echo(x: $x) user { id name } }"#,
         #"{"x":2}"#, #"{"x":null}"#, true),
        ("an argument of a nested field", #"query($x: Int) { user { friends { id } } echo(x: $x) }"#,
         #"{"x":2}"#, #"{"x":3}"#, true),
        ("literal skip and include", #"query($x: Int) { a: i @include(if: true) b: i @skip(if: true) echo(x: $x) }"#,
         #"{"x":1}"#, #"{"x":2}"#, true),
        ("skip and include by variable", #"query($t: Boolean!) { a: i @skip(if: $t) b: i @include(if: $t) }"#,
         #"{"t":true}"#, #"{"t":false}"#, false),
        ("a fragment skipped by variable", #"query($t: Boolean!) { ...F ... on Query { s } } fragment F on Query { i @include(if: $t) }"#,
         #"{"t":true}"#, #"{"t":false}"#, false),
        ("a mutation", #"mutation($n: Int!) { add(n: $n) }"#, #"{"n":1}"#, #"{"n":5}"#, true),
    ]

    func variables(_ text: String) throws -> JSONObject {
        guard case .object(let o) = try JSON.parse(text) else { throw GraphQLError("not an object: \(text)") }
        return o
    }

    func testRebindingGivesWhatPreparingAfreshGives() async throws {
        let schema = try buildSchema(Source(Fixture.sdl))
        for (name, query, first, second, reusable) in Self.pairs {
            let document = try parseDocument(Source(query))
            let root: GraphQLValue = query.hasPrefix("mutation") ? .json(.object([:])) : try .json(JSON.parse(Fixture.root))
            let kept = try prepareOperation(schema: schema, document: document, variables: variables(first))
            XCTAssertEqual(kept.isReusable, reusable, name)
            let rebound = try kept.rebinding(variables: variables(second))
            let fresh = try prepareOperation(schema: schema, document: document, variables: variables(second))
            XCTAssertEqual(JSON.object(rebound.variables).encodedString(), JSON.object(fresh.variables).encodedString(), name)
            XCTAssertEqual(rebound.rootFieldNames, fresh.rootFieldNames, name)
            let got = await rebound.execute(rootValue: root, resolvers: Fixture.resolvers(counter: .init()))
            let want = await fresh.execute(rootValue: root, resolvers: Fixture.resolvers(counter: .init()))
            XCTAssertEqual(got.encodedString(), want.encodedString(), name)
            // The first request's answer is still its own: the kept plan was not changed.
            let again = await kept.execute(rootValue: root, resolvers: Fixture.resolvers(counter: .init()))
            let firstFresh = try prepareOperation(schema: schema, document: document, variables: variables(first))
            let firstWant = await firstFresh.execute(rootValue: root, resolvers: Fixture.resolvers(counter: .init()))
            XCTAssertEqual(again.encodedString(), firstWant.encodedString(), name)
        }
    }

    func testTheSecondVariablesReallyCount() async throws {
        let schema = try buildSchema(Source(Fixture.sdl))
        let document = try parseDocument(Source("query($x: Int, $t: Boolean!) { echo(x: $x) i @include(if: $t) }"))
        let kept = try prepareOperation(schema: schema, document: document, variables: ["x": .int(1), "t": .bool(true)])
        XCTAssertFalse(kept.isReusable)
        let rebound = try kept.rebinding(variables: ["x": .int(2), "t": .bool(false)])
        let result = await rebound.execute(rootValue: try .json(JSON.parse(Fixture.root)), resolvers: Fixture.resolvers(counter: .init()))
        XCTAssertEqual(result.encodedString(), #"{"data":{"echo":"{\"x\":2,\"y\":1,\"s\":\"def\"}"}}"#)

        let plain = try parseDocument(Source("query($x: Int) { echo(x: $x) }"))
        let reusable = try prepareOperation(schema: schema, document: plain, variables: ["x": .int(1)])
        XCTAssertTrue(reusable.isReusable)
        let two = await (try reusable.rebinding(variables: ["x": .int(2)])).execute(resolvers: Fixture.resolvers(counter: .init()))
        XCTAssertEqual(two.encodedString(), #"{"data":{"echo":"{\"x\":2,\"y\":1,\"s\":\"def\"}"}}"#)
    }

    func testRebindingReportsTheSameCoercionErrors() throws {
        let schema = try buildSchema(Source(Fixture.sdl))
        let document = try parseDocument(Source("query($x: Int!, $f: Filter) { echo(x: $x, f: $f) }"))
        let kept = try prepareOperation(schema: schema, document: document, variables: ["x": .int(1)])
        for bad: JSONObject in [[:], ["x": .string("a")], ["x": .int(1), "f": .object(["color": .string("PINK")])]] {
            var fromRebinding: [String] = []
            var fromFresh: [String] = []
            do { _ = try kept.rebinding(variables: bad) } catch { fromRebinding = error.errors.map { $0.json.encodedString() } }
            do { _ = try prepareOperation(schema: schema, document: document, variables: bad) } catch {
                fromFresh = error.errors.map { $0.json.encodedString() }
            }
            XCTAssertFalse(fromFresh.isEmpty, "\(bad)")
            XCTAssertEqual(fromRebinding, fromFresh, "\(bad)")
        }
    }
}
