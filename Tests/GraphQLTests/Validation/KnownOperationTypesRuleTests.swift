import XCTest
@testable import GraphQL

/// Operation Type Existence: every operation's root type exists.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class KnownOperationTypesRuleTests: XCTestCase {
    func testValidationRootTypes() throws {
        try assertRule(KnownOperationTypesRule.self, [
            RuleCase(
                "all operations with root types are valid",
                """
                query { dog { name } }
                mutation { renameDog(name: "Rex") { name } }
                subscription { newMessage { body } }
                """,
                []),
        ])
    }

    func testValidationMissingRootTypes() throws {
        let schema = try ValidationTestSchema.build(
            """
            type Query { name: String }
            """)
        try assertRule(KnownOperationTypesRule.self, schema: schema, [
            RuleCase(
                "query only schema accepts queries",
                """
                { name }
                """,
                []),
            RuleCase(
                "one error per unsupported operation",
                """
                query { name }
                mutation M { name }
                subscription S { name }
                mutation { name }
                """,
                [
                    ("The mutation operation is not supported by the schema.", [(2, 1)]),
                    ("The subscription operation is not supported by the schema.", [(3, 1)]),
                    ("The mutation operation is not supported by the schema.", [(4, 1)]),
                ]),
            RuleCase(
                "reported even with other errors in the operation",
                """
                mutation ($x: Int) @dir { unknown { deeper } }
                """,
                [
                    ("The mutation operation is not supported by the schema.", [(1, 1)]),
                ]),
        ])
    }
}
