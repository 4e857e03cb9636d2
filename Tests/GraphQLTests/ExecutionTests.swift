import XCTest

@testable import GraphQL

/// Expected results come from graphql-core 3.3.2 (`execute` on the same schema, root value
/// and resolvers); regenerate them with the oracle script rather than by hand.
final class ExecutionTests: XCTestCase {
    static let sdl = #"""
interface Node { id: ID! }
type User implements Node { id: ID!, name: String, friends: [User!], bestFriend: User, nn: String! }
type Post implements Node { id: ID!, title: String! }
union SearchResult = User | Post
enum Color { RED GREEN BLUE }
input Filter { color: Color, limit: Int = 10, tags: [String!], nested: Inner }
input Inner { a: Int!, b: String = "bee" }
input Pick @oneOf { a: Int, b: String }
scalar Anything
type Query {
  i: Int
  f: Float
  s: String
  b: Boolean
  id: ID
  color: Color
  nn: Int!
  user: User
  users: [User]
  strictUsers: [User!]!
  node: Node
  search: [SearchResult!]
  ints: [Int]
  strictInts: [Int!]
  any: Anything
  echo(x: Int, y: Int! = 1, s: String = "def", l: [Int], f: Filter, p: Pick, c: Color, id: ID, j: Anything, fl: Float, b: Boolean): String
  asyncEcho(x: Int, s: String = "def"): String
  fail: String
  failNonNull: String!
  failPlain: String
}
type Mutation { add(n: Int!): Int! }
"""#

    static let root = #"{"i":7,"f":2.5,"s":"hé\"llo","b":true,"id":42,"color":"GREEN","nn":null,"user":{"id":"u1","name":"Ann","nn":"x","friends":[{"id":"u2","name":"Bob","nn":"y"},{"id":"u3","name":null,"nn":null}],"bestFriend":{"id":"u2","name":"Bob","nn":"y"}},"users":[{"id":"u1","name":"Ann","nn":"x"},null,{"id":"u4","nn":null}],"strictUsers":[{"id":"u1","nn":null}],"node":{"__typename":"Post","id":"p1","title":"Hi"},"search":[{"__typename":"User","id":"u1","name":"Ann"},{"__typename":"Post","id":"p1","title":"T"}],"ints":[1,"x",3],"strictInts":[1,null],"any":{"deep":[1,{"x":null}]}}"#

    /// (name, document, variables, operation name, expected response)
    static let cases: [(String, String, String?, String?, String)] = [
        ("scalars", #"{ i f s b id color }"#, nil, nil, #"{"data":{"i":7,"f":2.5,"s":"hé\"llo","b":true,"id":"42","color":"GREEN"}}"#),
        ("aliases and typename", #"{ a: i b: i __typename t: __typename }"#, nil, nil, #"{"data":{"a":7,"b":7,"__typename":"Query","t":"Query"}}"#),
        ("nested objects", #"{ user { id name bestFriend { name } friends { id name } } }"#, nil, nil, #"{"data":{"user":{"id":"u1","name":"Ann","bestFriend":{"name":"Bob"},"friends":[{"id":"u2","name":"Bob"},{"id":"u3","name":null}]}}}"#),
        ("merged fields", #"{ user { id } user { name friends { id } friends { name } } }"#, nil, nil, #"{"data":{"user":{"id":"u1","name":"Ann","friends":[{"id":"u2","name":"Bob"},{"id":"u3","name":null}]}}}"#),
        ("fragments", #"query { user { ...F ... on User { nn } } } fragment F on User { id ... { name } }"#, nil, nil, #"{"data":{"user":{"id":"u1","name":"Ann","nn":"x"}}}"#),
        ("skip and include", #"query($t: Boolean!, $f: Boolean = false) { a: i @skip(if: $t) b: i @include(if: $t) c: i @include(if: $f) d: i @skip(if: false) @include(if: true) e: i @skip(if: true) @include(if: true) }"#, #"{"t":true}"#, nil, #"{"data":{"b":7,"d":7}}"#),
        ("skip on fragments", #"query($t: Boolean!) { ...F @skip(if: $t) ... on Query @include(if: $t) { s } } fragment F on Query { i }"#, #"{"t":true}"#, nil, #"{"data":{"s":"hé\"llo"}}"#),
        ("non-null root field null", #"{ i nn }"#, nil, nil, #"{"data":null,"errors":[{"message":"Cannot return null for non-nullable field Query.nn.","locations":[{"line":1,"column":5}],"path":["nn"]}]}"#),
        ("non-null bubbles to nullable parent", #"{ user { friends { id nn } } i }"#, nil, nil, #"{"data":{"user":{"friends":null},"i":7},"errors":[{"message":"Cannot return null for non-nullable field User.nn.","locations":[{"line":1,"column":23}],"path":["user","friends",1,"nn"]}]}"#),
        ("non-null list item", #"{ strictInts }"#, nil, nil, #"{"data":{"strictInts":null},"errors":[{"message":"Cannot return null for non-nullable field Query.strictInts.","locations":[{"line":1,"column":3}],"path":["strictInts",1]}]}"#),
        ("non-null in non-null list bubbles to root", #"{ strictUsers { id nn } s }"#, nil, nil, #"{"data":null,"errors":[{"message":"Cannot return null for non-nullable field User.nn.","locations":[{"line":1,"column":20}],"path":["strictUsers",0,"nn"]}]}"#),
        ("nullable list items", #"{ users { id nn } }"#, nil, nil, #"{"data":{"users":[{"id":"u1","nn":"x"},null,null]},"errors":[{"message":"Cannot return null for non-nullable field User.nn.","locations":[{"line":1,"column":14}],"path":["users",2,"nn"]}]}"#),
        ("list item serialization error", #"{ ints }"#, nil, nil, #"{"data":{"ints":[1,null,3]},"errors":[{"message":"Int cannot represent non-integer value: 'x'","locations":[{"line":1,"column":3}],"path":["ints",1]}]}"#),
        ("interface", #"{ node { __typename id ... on Post { title } ... on User { name } } }"#, nil, nil, #"{"data":{"node":{"__typename":"Post","id":"p1","title":"Hi"}}}"#),
        ("union list", #"{ search { __typename ... on User { id name } ... on Post { title } } }"#, nil, nil, #"{"data":{"search":[{"__typename":"User","id":"u1","name":"Ann"},{"__typename":"Post","title":"T"}]}}"#),
        ("custom scalar pass-through", #"{ any }"#, nil, nil, #"{"data":{"any":{"deep":[1,{"x":null}]}}}"#),
        ("resolver GraphQLError", #"{ i fail s }"#, nil, nil, #"{"data":{"i":7,"fail":null,"s":"hé\"llo"},"errors":[{"message":"boom","locations":[{"line":1,"column":5}],"path":["fail"],"extensions":{"code":"X"}}]}"#),
        ("resolver error in non-null field", #"{ i failNonNull }"#, nil, nil, #"{"data":null,"errors":[{"message":"boom","locations":[{"line":1,"column":5}],"path":["failNonNull"],"extensions":{"code":"X"}}]}"#),
        ("resolver plain error", #"{ failPlain }"#, nil, nil, #"{"data":{"failPlain":null},"errors":[{"message":"plain failure","locations":[{"line":1,"column":3}],"path":["failPlain"]}]}"#),
        ("arguments defaults", #"{ echo }"#, nil, nil, #"{"data":{"echo":"{\"y\":1,\"s\":\"def\"}"}}"#),
        ("arguments literals", #"{ echo(x: 3, y: 4, s: "q", l: [1, 2], f: {color: RED, tags: "t", nested: {a: 1}}, p: {b: "x"}, c: BLUE, id: 5, j: {k: [1, "2", null]}, b: true) }"#, nil, nil, #"{"data":{"echo":"{\"x\":3,\"y\":4,\"s\":\"q\",\"l\":[1,2],\"f\":{\"color\":\"RED\",\"limit\":10,\"tags\":[\"t\"],\"nested\":{\"a\":1,\"b\":\"bee\"}},\"p\":{\"b\":\"x\"},\"c\":\"BLUE\",\"id\":\"5\",\"j\":{\"k\":[1,\"2\",null]},\"b\":true}"}}"#),
        ("list of one from literal", #"{ echo(l: 5) }"#, nil, nil, #"{"data":{"echo":"{\"y\":1,\"s\":\"def\",\"l\":[5]}"}}"#),
        ("explicit null argument", #"{ echo(x: null, s: null) }"#, nil, nil, #"{"data":{"echo":"{\"x\":null,\"y\":1,\"s\":null}"}}"#),
        ("variables into arguments", #"query($x: Int, $s: String, $f: Filter, $l: [Int], $p: Pick) { echo(x: $x, s: $s, f: $f, l: $l, p: $p) }"#, #"{"x":9,"f":{"tags":["a","b"],"nested":{"a":2,"b":null}},"l":3,"p":{"a":1}}"#, nil, #"{"data":{"echo":"{\"x\":9,\"y\":1,\"s\":\"def\",\"l\":[3],\"f\":{\"limit\":10,\"tags\":[\"a\",\"b\"],\"nested\":{\"a\":2,\"b\":null}},\"p\":{\"a\":1}}"}}"#),
        ("absent variable uses argument default", #"query($s: String, $y: Int) { echo(s: $s, y: $y) }"#, #"{}"#, nil, #"{"data":{"echo":"{\"y\":1,\"s\":\"def\"}"}}"#),
        ("variable default", #"query($s: String = "vd", $x: Int = 11) { echo(s: $s, x: $x) }"#, #"{}"#, nil, #"{"data":{"echo":"{\"x\":11,\"y\":1,\"s\":\"vd\"}"}}"#),
        ("variable explicit null", #"query($s: String = "vd") { echo(s: $s) }"#, #"{"s":null}"#, nil, #"{"data":{"echo":"{\"y\":1,\"s\":null}"}}"#),
        ("variable inside list and object", #"query($a: Int, $b: Int) { echo(l: [$a, $b, 3], f: {nested: {a: 1}, limit: $b}) }"#, #"{"a":1}"#, nil, #"{"data":{"echo":"{\"y\":1,\"s\":\"def\",\"l\":[1,null,3],\"f\":{\"limit\":10,\"nested\":{\"a\":1,\"b\":\"bee\"}}}"}}"#),
        ("async resolver", #"{ asyncEcho(x: 1) i }"#, nil, nil, #"{"data":{"asyncEcho":"{\"x\":1,\"s\":\"def\"}","i":7}}"#),
        ("mutation serial", #"mutation { a: add(n: 1) b: add(n: 2) c: add(n: 3) }"#, nil, nil, #"{"data":{"a":1,"b":3,"c":6}}"#),
        ("named operation", #"query A { i } query B { s }"#, nil, "B", #"{"data":{"s":"hé\"llo"}}"#),
        ("unknown field is skipped", #"{ i }"#, nil, nil, #"{"data":{"i":7}}"#),
    ]

    struct PlainError: Error, CustomStringConvertible {
        var description: String { "plain failure" }
    }

    /// Adds up `add(n:)` calls; mutations run one after another, so the totals are ordered.
    final class Counter: @unchecked Sendable {
        // @unchecked: tests only; the lock guards `total`.
        private let lock = NSLock()
        private var total = 0
        func add(_ n: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            total += n
            return total
        }
    }

    static func echo(_ args: JSONObject) -> GraphQLValue { .string(JSON.object(args).encodedString()) }

    static func resolvers(counter: Counter) -> Resolvers {
        var r = Resolvers()
        r.sync("Query.echo") { _, args, _, _ in echo(args) }
        r.async("Query.asyncEcho") { _, args, _, _ in
            await Task.yield()
            return echo(args)
        }
        r.sync("Query.fail") { _, _, _, _ in throw GraphQLError("boom", extensions: [("code", .string("X"))]) }
        r.sync("Query.failNonNull") { _, _, _, _ in throw GraphQLError("boom", extensions: [("code", .string("X"))]) }
        r.sync("Query.failPlain") { _, _, _, _ in throw PlainError() }
        r.async("Mutation.add") { _, args, _, _ in
            guard case .int(let n) = args["n"] else { return .null }
            await Task.yield()
            return .int(counter.add(n))
        }
        return r
    }

    func schema() throws -> Schema { try buildSchema(Source(Self.sdl)) }

    func run(
        _ query: String, variables: String? = nil, operationName: String? = nil, root: GraphQLValue? = nil,
        resolvers: Resolvers? = nil, context: any Sendable = ()
    ) async throws -> String {
        let schema = try schema()
        let document = try parseDocument(Source(query))
        var vars = JSONObject()
        if let variables, case .object(let o) = try JSON.parse(variables) { vars = o }
        let rootValue = try root ?? .json(JSON.parse(Self.root))
        let result = await execute(
            schema: schema, document: document, operationName: operationName, variables: vars, rootValue: rootValue,
            context: context, resolvers: resolvers ?? Self.resolvers(counter: Counter()))
        return result.encodedString()
    }

    func testAgainstGraphQLCore() async throws {
        for (name, query, variables, operationName, expected) in Self.cases {
            let root: GraphQLValue? = query.hasPrefix("mutation") ? .json(.object([:])) : nil
            let actual = try await run(query, variables: variables, operationName: operationName, root: root)
            XCTAssertEqual(actual, expected, name)
        }
    }

    func testOperationSelection() async throws {
        let cases: [(String, String?, String)] = [
            ("query A { i } query B { i }", nil,
             #"{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}"#),
            ("query A { i }", "C", #"{"errors":[{"message":"Unknown operation named 'C'."}]}"#),
            ("fragment F on Query { i }", nil, #"{"errors":[{"message":"Must provide an operation."}]}"#),
            ("query A { i } { s }", "A", #"{"data":{"i":7}}"#),
        ]
        for (query, name, expected) in cases {
            let actual = try await run(query, operationName: name)
            XCTAssertEqual(actual, expected, query)
        }
    }

    func testSchemaWithoutMutationType() async throws {
        let schema = try buildSchema(Source("type Query { a: Int }"))
        let result = await execute(schema: schema, document: try parseDocument(Source("mutation { a }")))
        XCTAssertEqual(
            result.encodedString(),
            #"{"data":null,"errors":[{"message":"Schema is not configured to execute mutation operation.","locations":[{"line":1,"column":1}]}]}"#
        )
    }

    func testMissingRequiredArgumentIsAFieldError() async throws {
        let schema = try buildSchema(Source("type Query { a(x: Int!): Int b: Int }"))
        let result = await execute(
            schema: schema, document: try parseDocument(Source("{ a b }")), rootValue: .json(.object(["b": .int(1)])))
        XCTAssertEqual(
            result.encodedString(),
            #"{"data":{"a":null,"b":1},"errors":[{"message":"Argument 'x' of required type 'Int!' was not provided.","locations":[{"line":1,"column":3}],"path":["a"]}]}"#
        )
    }

    func testInvalidArgumentLiteralIsAFieldError() async throws {
        let schema = try buildSchema(Source("type Query { a(x: Int): Int }"))
        let result = await execute(schema: schema, document: try parseDocument(Source(#"{ a(x: "no") }"#)))
        XCTAssertEqual(
            result.encodedString(),
            #"{"data":{"a":null},"errors":[{"message":"Argument 'x' has invalid value: Int cannot represent non-integer value: \"no\"","locations":[{"line":1,"column":8}],"path":["a"]}]}"#
        )
    }

    /// Execution coerces literals with validation's rules and messages. Expected results
    /// from graphql-core 3.3.2, on documents not validated. (A list or object literal where
    /// a leaf belongs is located at the argument's value; graphql-core gives no location.)
    func testInvalidArgumentLiteralsAsGraphQLCoreReportsThem() async throws {
        let schema = try buildSchema(
            Source("enum Color { RED GREEN } input I { b: Int } type Query { f(a: I): Int  g(a: Int): Int h(c: [Color]): Int }"))
        let cases: [(String, String)] = [
            (#"{ f(a: {b: "x"}) }"#, #"{"data":{"f":null},"errors":[{"message":"Argument 'a' has invalid value at .b: Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":12}],"path":["f"]}]}"#),
            (#"{ h(c: [RED, "GREEN"]) }"#, #"{"data":{"h":null},"errors":[{"message":"Argument 'c' has invalid value at [1]: Enum 'Color' cannot represent non-enum value: \"GREEN\". Did you mean the enum value 'GREEN'?","locations":[{"line":1,"column":14}],"path":["h"]}]}"#),
        ]
        for (query, expected) in cases {
            let result = await execute(schema: schema, document: try parseDocument(Source(query)))
            XCTAssertEqual(result.encodedString(), expected, query)
        }
    }

    struct Message: GraphQLObjectValue {
        var id: String
        var text: String
        func fieldValue(_ name: String) -> GraphQLValue {
            switch name {
            case "id": return .string(id)
            case "text": return .string(text)
            default: return .null
            }
        }
        var graphQLTypeName: String? { "Message" }
    }

    func testApplicationValuesResolveInfoAndContext() async throws {
        let schema = try buildSchema(
            Source(
                """
                interface Entry { id: ID! }
                type Message implements Entry { id: ID! text: String! upper: String! where: String! }
                type Query { latest: Message entries: [Entry!]! }
                """))
        var resolvers = Resolvers()
        resolvers.sync("Query.latest") { _, _, _, _ in .object(Message(id: "1", text: "hi")) }
        resolvers.sync("Query.entries") { _, _, _, _ in .list([.object(Message(id: "2", text: "yo"))]) }
        resolvers.sync("Message.upper") { parent, _, context, _ in
            guard let m = parent.as(Message.self), let suffix = context as? String else { return .null }
            return .string(m.text.uppercased() + suffix)
        }
        resolvers.sync("Message.where") { _, _, _, info in
            .string("\(info.parentType.name).\(info.fieldName) \(info.returnType) \(info.path.map(\.description).joined(separator: "/")) \(info.operation.name?.value ?? "-")")
        }
        let document = try parseDocument(Source("query Q { latest { id text upper where } entries { id ... on Message { where } } }"))
        let result = await execute(schema: schema, document: document, context: "!", resolvers: resolvers)
        XCTAssertEqual(
            result.encodedString(),
            #"{"data":{"latest":{"id":"1","text":"hi","upper":"HI!","where":"Message.where String! latest/where Q"},"entries":[{"id":"2","where":"Message.where String! entries/0/where Q"}]}}"#
        )
    }

    func testResolveTypeHook() async throws {
        let schema = try buildSchema(Source("union U = A | B type A { a: Int } type B { b: Int } type Query { u: [U] }"))
        var resolvers = Resolvers()
        resolvers.resolveType("U") { value, _, _ in
            if case .json(let j) = value, j["a"] != nil { return "A" }
            return "B"
        }
        let root = GraphQLValue.json(.object(["u": .array([.object(["a": .int(1)]), .object(["b": .int(2)])])]))
        let result = await execute(
            schema: schema, document: try parseDocument(Source("{ u { __typename ... on A { a } ... on B { b } } }")),
            rootValue: root, resolvers: resolvers)
        XCTAssertEqual(
            result.encodedString(), #"{"data":{"u":[{"__typename":"A","a":1},{"__typename":"B","b":2}]}}"#)
    }

    func testLeafResultCoercion() async throws {
        // (field type, value, expected JSON or error message) as graphql-core serializes them.
        let cases: [(String, JSON, String)] = [
            ("Int", .int(3_000_000_000), "Int cannot represent non 32-bit signed integer value: 3000000000"),
            ("Int", .double(1.5), "Int cannot represent non-integer value: 1.5"),
            ("Int", .string("12"), "12"),
            ("Int", .string("a"), "Int cannot represent non-integer value: 'a'"),
            ("Int", .bool(true), "1"),
            ("Int", .array([.int(1)]), "Int cannot represent non-integer value: [1]"),
            ("Float", .string("x"), "Float cannot represent non numeric value: 'x'"),
            ("String", .double(1.5), #""1.5""#),
            ("String", .int(3), #""3""#),
            ("String", .bool(false), #""false""#),
            ("String", .object(["a": .int(1)]), "String cannot represent value: {'a': 1}"),
            ("Boolean", .string("x"), "Boolean cannot represent a non boolean value: 'x'"),
            ("Boolean", .int(0), "false"),
            ("ID", .double(1.5), "ID cannot represent value: 1.5"),
            ("ID", .bool(true), "ID cannot represent value: True"),
            ("ID", .int(7), #""7""#),
            ("E", .string("Z"), "Enum 'E' cannot represent value: 'Z'"),
            ("E", .string("X"), #""X""#),
        ]
        for (type, value, expected) in cases {
            let schema = try buildSchema(Source("enum E { X Y } type Query { v: \(type) }"))
            let result = await execute(
                schema: schema, document: try parseDocument(Source("{ v }")), rootValue: .json(.object(["v": value])))
            if let error = result.errors.first {
                XCTAssertEqual(error.message, expected, "\(type) \(value)")
                XCTAssertEqual(error.path, [.key("v")])
            } else {
                XCTAssertEqual(result.data?["v"]?.encodedString(), expected, "\(type) \(value)")
            }
        }
    }

    func testMapErrorReplacesNonGraphQLErrors() async throws {
        var resolvers = Self.resolvers(counter: Counter())
        resolvers.mapError = { _ in GraphQLError("Internal server error", extensions: [("code", .string("INTERNAL_SERVER_ERROR"))]) }
        let actual = try await run("{ failPlain fail }", resolvers: resolvers)
        XCTAssertEqual(
            actual,
            #"{"data":{"failPlain":null,"fail":null},"errors":[{"message":"Internal server error","locations":[{"line":1,"column":3}],"path":["failPlain"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"boom","locations":[{"line":1,"column":13}],"path":["fail"],"extensions":{"code":"X"}}]}"#
        )
    }

    func testPreparedOperationRunsAgain() async throws {
        let schema = try schema()
        let prepared = try prepareOperation(
            schema: schema, document: try parseDocument(Source("query($x: Int) { echo(x: $x) }")), variables: ["x": .int(4)])
        let resolvers = Self.resolvers(counter: Counter())
        for _ in 0..<2 {
            let result = await prepared.execute(resolvers: resolvers)
            XCTAssertEqual(result.encodedString(), #"{"data":{"echo":"{\"x\":4,\"y\":1,\"s\":\"def\"}"}}"#)
        }
        XCTAssertEqual(prepared.rootFieldNames, ["echo"])
    }
}
