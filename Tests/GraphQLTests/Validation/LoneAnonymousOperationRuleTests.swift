import XCTest
@testable import GraphQL

/// Lone Anonymous Operation: an anonymous operation is the only one.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class LoneAnonymousOperationRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(LoneAnonymousOperationRule.self, [
            RuleCase(
                "no operations",
                """
                fragment fragA on QueryRoot { dog { name } }
                """,
                []),
            RuleCase(
                "one anon operation",
                """
                { dog { name } }
                """,
                []),
            RuleCase(
                "multiple named operations",
                """
                query Foo { dog { name } }
                query Bar { dog { name } }
                """,
                []),
            RuleCase(
                "anon operation with fragment",
                """
                { ...Foo }
                fragment Foo on QueryRoot { dog { name } }
                """,
                []),
            RuleCase(
                "multiple anon operations",
                """
                {
                  fieldA
                }
                {
                  fieldB
                }
                """,
                [
                    ("This anonymous operation must be the only defined operation.", [(1, 1)]),
                    ("This anonymous operation must be the only defined operation.", [(4, 1)]),
                ]),
            RuleCase(
                "anon operation with a mutation",
                """
                {
                  fieldA
                }
                mutation Foo {
                  fieldB
                }
                """,
                [
                    ("This anonymous operation must be the only defined operation.", [(1, 1)]),
                ]),
            RuleCase(
                "anon operation with a subscription",
                """
                {
                  fieldA
                }
                subscription Foo {
                  fieldB
                }
                """,
                [
                    ("This anonymous operation must be the only defined operation.", [(1, 1)]),
                ]),
        ])
    }
}
