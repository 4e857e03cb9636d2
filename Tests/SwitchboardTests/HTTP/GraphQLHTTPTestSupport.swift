import Foundation
import GraphQL
import XCTest

@testable import Switchboard

/// A small schema with resolvers that cover what the HTTP layer must pass through: values,
/// arguments and variables, field errors with codes, a null reaching the root, a mutation that
/// counts its executions, the request context, and a subscription root.
enum GraphQLHTTPFixture {
    static let sdl = """
        type Query {
          hello(name: String = "world"): String!
          count(n: Int!): Int!
          fail: String
          failNonNull: String!
          whoami: String
          list: [Item!]!
        }
        type Item { id: ID!, broken: String }
        type Mutation { post(text: String!): String! }
        type Subscription { tick: Int! }
        """

    static let schema: Schema = {
        do { return try buildSchema(Source(sdl)) } catch { fatalError("fixture schema: \(error)") }
    }()

    static func resolvers(mutations: Counter) -> Resolvers {
        var r = Resolvers()
        r.sync("Query.hello") { _, args, _, _ in .string("Hello, \(args["name"]?.stringValue ?? "?")!") }
        r.sync("Query.count") { _, args, _, _ in
            guard case .int(let n) = args["n"] else { return .null }
            return .int(n)
        }
        r.sync("Query.fail") { _, _, _, _ in throw GraphQLError("Not for you.", extensions: [("code", .string("FORBIDDEN"))]) }
        r.sync("Query.failNonNull") { _, _, _, _ in
            throw GraphQLError("Gone.", extensions: [("code", .string("BAD_USER_INPUT"))])
        }
        r.sync("Query.whoami") { _, _, context, _ in
            .optional((context as? RequestContext)?.identity.name)
        }
        r.sync("Query.list") { _, _, _, _ in
            .list([.json(.object(["id": .string("1")])), .json(.object(["id": .string("2")]))])
        }
        r.sync("Item.broken") { parent, _, _, _ in
            if parent.jsonValue?["id"]?.stringValue == "2" { throw GraphQLError("Item 2 is broken.") }
            return "fine"
        }
        r.async("Mutation.post") { _, args, _, _ in
            await Task.yield()
            mutations.increment()
            return .string("posted \(args["text"]?.stringValue ?? "")")
        }
        return r
    }

    static func context(name: String? = "Ada") -> RequestContext {
        RequestContext(
            identity: Identity(role: .publisher, userID: "u1", name: name), store: InMemoryStore(), publish: { _ in })
    }

    static func get(_ items: [(String, String)], headers: [String: String] = [:]) -> HTTPRequest {
        HTTPRequest(
            method: "GET", path: "/graphql", queryItems: items.map { (name: $0.0, value: $0.1) },
            headers: lowercased(headers), body: [], remoteAddress: "127.0.0.1")
    }

    static func post(
        _ body: String, contentType: String? = "application/json", headers: [String: String] = [:]
    ) -> HTTPRequest {
        var h = lowercased(headers)
        if let contentType { h["content-type"] = contentType }
        return HTTPRequest(
            method: "POST", path: "/graphql", queryItems: [], headers: h, body: Array(body.utf8),
            remoteAddress: "127.0.0.1")
    }

    static func request(_ method: String, headers: [String: String] = [:]) -> HTTPRequest {
        HTTPRequest(
            method: method, path: "/graphql", queryItems: [], headers: lowercased(headers), body: [],
            remoteAddress: "127.0.0.1")
    }

    private static func lowercased(_ h: [String: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: h.map { ($0.key.lowercased(), $0.value) })
    }
}

/// Counts mutation executions across the resolver's task. `@unchecked Sendable`: the count is
/// only touched under the lock.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}

/// Compares JSON text by value (key order included: responses list keys in a fixed order).
func XCTAssertJSONEqual(
    _ actual: [UInt8], _ expected: String, _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    let actualText = String(decoding: actual, as: UTF8.self)
    guard let a = try? JSON.parse(actual) else {
        return XCTFail("\(message): body is not JSON: \(actualText)", file: file, line: line)
    }
    guard let e = try? JSON.parse(expected) else {
        return XCTFail("\(message): expected text is not JSON: \(expected)", file: file, line: line)
    }
    XCTAssertEqual(a, e, "\(message)\n  got:      \(actualText)\n  expected: \(expected)", file: file, line: line)
}
