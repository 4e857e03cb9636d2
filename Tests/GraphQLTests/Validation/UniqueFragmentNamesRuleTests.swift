import XCTest
@testable import GraphQL

/// Fragment Name Uniqueness.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class UniqueFragmentNamesRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(UniqueFragmentNamesRule.self, [
            RuleCase(
                "no fragments",
                """
                { dog { name } }
                """,
                []),
            RuleCase(
                "one fragment",
                """
                {
                  ...fragA
                }
                fragment fragA on QueryRoot {
                  dog { name }
                }
                """,
                []),
            RuleCase(
                "many fragments",
                """
                {
                  ...fragA
                  ...fragB
                  ...fragC
                }
                fragment fragA on Dog { name }
                fragment fragB on Dog { nickname }
                fragment fragC on Dog { barkVolume }
                """,
                []),
            RuleCase(
                "inline fragments are always unique",
                """
                {
                  ...on QueryRoot { dog { name } }
                  ...on QueryRoot { cat { name } }
                }
                """,
                []),
            RuleCase(
                "fragment and operation named the same",
                """
                query Foo {
                  ...Foo
                }
                fragment Foo on QueryRoot {
                  dog { name }
                }
                """,
                []),
            RuleCase(
                "fragments named the same",
                """
                {
                  ...fragA
                }
                fragment fragA on QueryRoot {
                  dog { name }
                }
                fragment fragA on QueryRoot {
                  cat { name }
                }
                """,
                [
                    ("There can be only one fragment named 'fragA'.", [(4, 10), (7, 10)]),
                ]),
            RuleCase(
                "fragments named the same without being referenced",
                """
                fragment fragA on QueryRoot {
                  dog { name }
                }
                fragment fragA on QueryRoot {
                  cat { name }
                }
                fragment fragA on QueryRoot {
                  pet { name }
                }
                """,
                [
                    ("There can be only one fragment named 'fragA'.", [(1, 10), (4, 10)]),
                    ("There can be only one fragment named 'fragA'.", [(1, 10), (7, 10)]),
                ]),
        ])
    }
}
