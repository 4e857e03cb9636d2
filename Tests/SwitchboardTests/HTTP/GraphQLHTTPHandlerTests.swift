import GraphQL
import XCTest

@testable import Switchboard

/// One row per rule: a request (method, query items, headers, body) and the exact status,
/// content type, extra headers and JSON body the handler must answer with.
final class GraphQLHTTPHandlerTests: XCTestCase {
    struct Case {
        var name: String
        var request: HTTPRequest
        var status: Int
        var contentType: String
        var body: String
        var headers: [(String, String)] = []
    }

    static let gqlJSON = "application/graphql-response+json; charset=utf-8"
    static let json = "application/json; charset=utf-8"
    typealias F = GraphQLHTTPFixture

    static let acceptJSON = ["Accept": "application/json"]
    static let acceptGQL = ["Accept": "application/graphql-response+json"]

    func run(_ cases: [Case], file: StaticString = #filePath, line: UInt = #line) async {
        let mutations = Counter()
        let handler = GraphQLHTTPHandler(
            schema: F.schema, resolvers: F.resolvers(mutations: mutations), documentCache: DocumentCache())
        for c in cases {
            let response = await handler.handle(c.request, context: F.context())
            XCTAssertEqual(response.status, c.status, "\(c.name): status", file: file, line: line)
            XCTAssertEqual(response.contentType, c.contentType, "\(c.name): content type", file: file, line: line)
            XCTAssertJSONEqual(response.body, c.body, "\(c.name): body", file: file, line: line)
            XCTAssertEqual(
                response.headers.map { "\($0.name): \($0.value)" }, c.headers.map { "\($0.0): \($0.1)" },
                "\(c.name): headers", file: file, line: line)
        }
    }

    func testContentNegotiation() async { await run(Self.negotiation) }
    func testMalformedRequests() async { await run(Self.malformed) }
    func testGET() async { await run(Self.get) }
    func testDocumentsOperationsAndVariables() async { await run(Self.documents) }
    func testExecution() async { await run(Self.execution) }

    /// A mutation sent with GET is refused before anything executes; the same over POST runs once.
    func testMutationOverGETNeverExecutes() async {
        let mutations = Counter()
        let handler = GraphQLHTTPHandler(
            schema: F.schema, resolvers: F.resolvers(mutations: mutations), documentCache: DocumentCache())
        let viaGET = await handler.handle(F.get([("query", #"mutation { post(text: "x") }"#)]), context: F.context())
        XCTAssertEqual(viaGET.status, 405)
        XCTAssertEqual(mutations.value, 0)
        let viaPOST = await handler.handle(
            F.post(#"{"query":"mutation { post(text: \"x\") }"}"#), context: F.context())
        XCTAssertEqual(viaPOST.status, 200)
        XCTAssertEqual(mutations.value, 1)
    }

    /// `prepare` answers what it can without executing; what is left is a `Sendable` operation
    /// that runs in a `Task` (as the server runs it), off the thread that prepared it.
    func testPrepareThenExecuteInATask() async throws {
        let handler = GraphQLHTTPHandler(
            schema: F.schema, resolvers: F.resolvers(mutations: Counter()), documentCache: DocumentCache())
        guard case .respond(let refused) = handler.prepare(F.post("NONSENSE")) else {
            return XCTFail("a malformed request is answered by prepare")
        }
        XCTAssertEqual(refused.status, 400)

        guard case .execute(let operation) = handler.prepare(F.post(#"{"query":"mutation { post(text: \"t\") }"}"#))
        else { return XCTFail("a good mutation is prepared for execution") }
        XCTAssertEqual(operation.operationType, .mutation)
        XCTAssertEqual(operation.mediaType, .graphQLResponseJSON)
        XCTAssertEqual(operation.request.query, #"mutation { post(text: "t") }"#)
        let context = F.context()
        let response = await Task.detached { await operation.execute(context: context) }.value
        XCTAssertEqual(response.status, 200)
        XCTAssertJSONEqual(response.body, #"{"data":{"post":"posted t"}}"#)
    }

    /// The subscription error names the socket with the Host the client used, `wss` when the
    /// server says so, and a placeholder when the request had no Host.
    func testSubscriptionErrorNamesTheEndpoint() async throws {
        let secure = GraphQLHTTPHandler(
            schema: F.schema, resolvers: Resolvers(), documentCache: DocumentCache(), webSocketScheme: "wss")
        let r1 = await secure.handle(
            F.post(#"{"query":"subscription { tick }"}"#, headers: ["Host": "chat.example:443"]), context: F.context())
        XCTAssertEqual(
            try JSON.parse(r1.body)["errors"],
            .array([
                .object([
                    "message": .string(
                        "Subscriptions are served over WebSocket at wss://chat.example:443/graphql (subprotocol graphql-transport-ws)."
                    ),
                    "locations": .array([.object(["line": .int(1), "column": .int(1)])]),
                ])
            ]))
        let r2 = await secure.handle(F.get([("query", "subscription { tick }")]), context: F.context())
        XCTAssertTrue(
            String(decoding: r2.body, as: UTF8.self).contains("wss://HOST:PORT/graphql (subprotocol graphql-transport-ws)"))
    }

    /// The handler parses and validates a document once: the second identical request is a hit,
    /// also when it is refused (a cached validation failure).
    func testHandlerUsesTheDocumentCache() async {
        let cache = DocumentCache()
        let handler = GraphQLHTTPHandler(schema: F.schema, resolvers: F.resolvers(mutations: Counter()), documentCache: cache)
        for _ in 0..<3 {
            _ = await handler.handle(F.post(#"{"query":"{ hello }"}"#), context: F.context())
            _ = await handler.handle(F.get([("query", "{ hello }")]), context: F.context())
            _ = await handler.handle(F.post(#"{"query":"{ nope }"}"#), context: F.context())
        }
        XCTAssertEqual(cache.misses, 2)
        XCTAssertEqual(cache.hits, 7)
        XCTAssertEqual(cache.count, 2)
    }
}
