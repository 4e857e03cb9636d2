import Foundation
import XCTest
@testable import GraphQL

/// The full rule set on the chat schema's everyday documents, and the guards that keep
/// validation linear and stack-safe on hostile documents (expectations from graphql-core).
final class SpecifiedRulesValidationTests: XCTestCase {
    private func chatSchema() throws -> Schema {
        // Tests/GraphQLTests/Validation/ → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sdl = try String(contentsOf: root.appendingPathComponent("Schema/chat.graphql"), encoding: .utf8)
        return try buildSchema(Source(sdl, name: "chat.graphql"))
    }

    private func errors(_ schema: Schema, _ document: String, rules: [ValidationRule.Type] = specifiedRules)
        throws -> [String]
    {
        let document = try parseDocument(Source(document), limits: Self.generousLimits)
        return validate(schema: schema, document: document, rules: rules).map(ruleErrorDescription)
    }

    func testChatDocumentsAreValid() throws {
        let schema = try chatSchema()
        let documents = [
            """
            subscription OnMessage($chatId: ID!, $after: ID) {
              newMessage(chatId: $chatId, after: $after) { id chatId content senderName createdAt }
            }
            """,
            """
            subscription { notifications { id message callback kind createdAt __typename } }
            """,
            """
            subscription Notes($after: ID) { notifications(after: $after) { ...NoteFields } }
            fragment NoteFields on Notification { id kind ... on Notification { message } }
            """,
            """
            mutation Post($chatId: ID!, $content: String!, $name: String) {
              postMessage(chatId: $chatId, content: $content, senderName: $name) { id createdAt }
            }
            """,
            """
            mutation { notifyUser(userId: "u1", message: "hi", callback: "https://x") { id kind } }
            """,
            """
            query Recent($chatId: ID!, $last: Int = 20, $before: ID) {
              messages(chatId: $chatId, last: $last, before: $before) { ...MessageFields }
              me { id name }
            }
            fragment MessageFields on Message { id content senderName createdAt }
            """,
            """
            { me { name } messages(chatId: "1") { id } }
            """,
            """
            query Types { __schema { queryType { name } types { name kind fields { name } } } __type(name: "Message") { name } }
            """,
        ]
        for document in documents {
            XCTAssertEqual(try errors(schema, document), [], document)
        }
    }

    /// graphql-core's own introspection query (`get_introspection_query(descriptions=True)`),
    /// which the engine serves as `introspectionQuery`.
    func testIntrospectionQueryIsValid() throws {
        let schema = try chatSchema()
        XCTAssertEqual(try errors(schema, introspectionQuery), [])
    }

    func testChatDocumentErrors() throws {
        let schema = try chatSchema()
        XCTAssertEqual(try errors(schema, """
            subscription { newMessage(chatId: "1") { id } notifications { id } }
            """), [
            "Anonymous Subscription must select only one top level field. @ 1:47",
        ])
        XCTAssertEqual(try errors(schema, """
            query ($chat: ID!, $unused: Int) { messages(chatId: $chat) { id contnt } }
            """), [
            "Variable '$unused' is never used. @ 1:20",
            "Cannot query field 'contnt' on type 'Message'. Did you mean 'content'? @ 1:65",
        ])
    }

    // MARK: - Long fragment chains

    /// `{ ...F0 }` and fragments F0 … F(n-1), each spreading the next (the last one
    /// spreading F0 when `cycle`, else a leaf fragment Fn).
    private func chain(_ n: Int, cycle: Bool) -> String {
        var doc = "{ ...F0 }\n"
        for i in 0..<n { doc += "fragment F\(i) on Query { ...F\(cycle ? (i + 1) % n : i + 1) }\n" }
        if !cycle { doc += "fragment F\(n) on Query { a }\n" }
        return doc
    }

    func testFragmentChainJustUnderTheNestingLimitIsValid() throws {
        let schema = try ValidationTestSchema.build("type Query { a: String }")
        XCTAssertEqual(try errors(schema, chain(198, cycle: false)), [])
        XCTAssertEqual(try errors(schema, chain(199, cycle: false)), ["Validation aborted. @ "])
    }

    func testLongCycleIsReportedOnce() throws {
        let schema = try ValidationTestSchema.build("type Query { a: String }")
        let n = 150
        let via = (1..<n).map { "'F\($0)'" }.joined(separator: ", ")
        // Line i + 2 holds `fragment Fi on Query { ...F(i+1) }`.
        let locations = (0..<n).map { "\($0 + 2):\("fragment F\($0) on Query { ".count + 1)" }.joined(separator: ", ")
        XCTAssertEqual(
            try errors(schema, chain(n, cycle: true), rules: [NoFragmentCyclesRule.self]),
            ["Cannot spread fragment 'F0' within itself via \(via). @ \(locations)"])
    }

    /// Far past the nesting limit graphql-core aborts; the rules that follow fragments
    /// must still not recurse per fragment (they run on the same node as the check).
    func testVeryLongChainsAbortWithoutExhaustingTheStack() throws {
        let schema = try ValidationTestSchema.build("type Query { a: String }")
        for cycle in [false, true] {
            let document = chain(20_000, cycle: cycle)
            XCTAssertEqual(try errors(schema, document), ["Validation aborted. @ "])
            for rule: ValidationRule.Type in [NoFragmentCyclesRule.self, MaxIntrospectionDepthRule.self] {
                XCTAssertEqual(try errors(schema, document, rules: [rule]), ["Validation aborted. @ "])
            }
        }
    }

    /// Runs one rule without the nesting check in front, to see that the rules which
    /// follow fragments themselves do so without recursion.
    private func runAlone(_ rule: ValidationRule.Type, _ schema: Schema, _ document: String) throws -> [GraphQLError] {
        let document = try parseDocument(Source(document), limits: Self.generousLimits)
        let typeInfo = TypeInfo(schema: schema)
        let context = ValidationContext(schema: schema, document: document, typeInfo: typeInfo, maxErrors: 100)
        var walker = DocumentWalker(context: context, visitors: [rule.init(context: context)])
        walker.walk(document)
        return context.errors
    }

    private static let longChain = 20_000
    private static let chainSchemaSDL = "type Query { a: String } type Subscription { a: String b: String }"

    /// A path 20,000 fragments deep ending in a cycle of two (a long cycle would spend the
    /// time computing 20,000 error locations instead).
    func testNoFragmentCyclesFollowsVeryLongChainsWithoutRecursion() throws {
        let n = Self.longChain
        let schema = try ValidationTestSchema.build(Self.chainSchemaSDL)
        var document = "{ ...F0 }\n"
        for i in 0..<n { document += "fragment F\(i) on Query { ...F\(i + 1) }\n" }
        let last = "fragment F\(n) on Query { "
        document += last + "...F\(n - 1) }\n"
        XCTAssertEqual(
            try runAlone(NoFragmentCyclesRule.self, schema, document).map(ruleErrorDescription),
            [
                "Cannot spread fragment 'F\(n - 1)' within itself via 'F\(n)'. "
                    + "@ \(n + 1):\("fragment F\(n - 1) on Query { ".count + 1), \(n + 2):\(last.count + 1)",
            ])
    }

    func testMaxIntrospectionDepthFollowsVeryLongChainsWithoutRecursion() throws {
        let n = Self.longChain
        let schema = try ValidationTestSchema.build(Self.chainSchemaSDL)
        var introspection = "{ __schema { types { ...F0 } } }\n"
        for i in 0..<n { introspection += "fragment F\(i) on __Type { name ...F\(i + 1) }\n" }
        introspection += "fragment F\(n) on __Type { fields { type { fields { type { fields { name } } } } } }\n"
        XCTAssertEqual(
            try runAlone(MaxIntrospectionDepthRule.self, schema, introspection).map(ruleErrorDescription),
            ["Maximum introspection depth exceeded @ 1:3"])
    }

    func testSingleFieldSubscriptionsFollowsVeryLongChainsWithoutRecursion() throws {
        let n = Self.longChain
        let schema = try ValidationTestSchema.build(Self.chainSchemaSDL)
        var subscription = "subscription { ...F0 }\n"
        for i in 0..<n { subscription += "fragment F\(i) on Subscription { ...F\(i + 1) }\n" }
        let last = "fragment F\(n) on Subscription { "
        subscription += last + "a b }\n"
        XCTAssertEqual(
            try runAlone(SingleFieldSubscriptionsRule.self, schema, subscription).map(ruleErrorDescription),
            ["Anonymous Subscription must select only one top level field. @ \(n + 2):\(last.count + 3)"])
    }

    func testLongSubscriptionChainIsCollectedWithoutRecursionProblems() throws {
        let schema = try ValidationTestSchema.build("type Query { a: String } type Subscription { a: String b: String }")
        var doc = "subscription { ...F0 }\n"
        for i in 0..<150 { doc += "fragment F\(i) on Subscription { ...F\(i + 1) }\n" }
        doc += "fragment F150 on Subscription { a b }\n"
        XCTAssertEqual(
            try errors(schema, doc, rules: [SingleFieldSubscriptionsRule.self]),
            ["Anonymous Subscription must select only one top level field. @ 152:35"])
    }

    /// The long fragment chains above have more tokens than a request may.
    static let generousLimits = ParseLimits(maxTokens: 1_000_000)
}
