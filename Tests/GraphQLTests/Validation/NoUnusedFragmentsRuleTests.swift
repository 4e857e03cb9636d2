import XCTest
@testable import GraphQL

/// Fragments Must Be Used.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class NoUnusedFragmentsRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(NoUnusedFragmentsRule.self, [
            RuleCase(
                "all fragment names are used",
                """
                {
                  human(id: 4) {
                    ...HumanFields1
                    ... on Human {
                      ...HumanFields2
                    }
                  }
                }
                fragment HumanFields1 on Human {
                  name
                  ...HumanFields3
                }
                fragment HumanFields2 on Human {
                  name
                }
                fragment HumanFields3 on Human {
                  name
                }
                """,
                []),
            RuleCase(
                "all fragment names are used by multiple operations",
                """
                query Foo {
                  human(id: 4) {
                    ...HumanFields1
                  }
                }
                query Bar {
                  human(id: 4) {
                    ...HumanFields2
                  }
                }
                fragment HumanFields1 on Human {
                  name
                  ...HumanFields3
                }
                fragment HumanFields2 on Human {
                  name
                }
                fragment HumanFields3 on Human {
                  name
                }
                """,
                []),
            RuleCase(
                "contains unknown fragments",
                """
                query Foo {
                  human(id: 4) {
                    ...HumanFields1
                  }
                }
                query Bar {
                  human(id: 4) {
                    ...HumanFields2
                  }
                }
                fragment HumanFields1 on Human {
                  name
                  ...HumanFields3
                }
                fragment HumanFields2 on Human {
                  name
                }
                fragment HumanFields3 on Human {
                  name
                }
                fragment Unused1 on Human {
                  name
                }
                fragment Unused2 on Human {
                  name
                }
                """,
                [
                    ("Fragment 'Unused1' is never used.", [(21, 1)]),
                    ("Fragment 'Unused2' is never used.", [(24, 1)]),
                ]),
            RuleCase(
                "contains unknown fragments with ref cycle",
                """
                query Foo {
                  human(id: 4) {
                    ...HumanFields1
                  }
                }
                query Bar {
                  human(id: 4) {
                    ...HumanFields2
                  }
                }
                fragment HumanFields1 on Human {
                  name
                  ...HumanFields3
                }
                fragment HumanFields2 on Human {
                  name
                }
                fragment HumanFields3 on Human {
                  name
                }
                fragment Unused1 on Human {
                  name
                  ...Unused2
                }
                fragment Unused2 on Human {
                  name
                  ...Unused1
                }
                """,
                [
                    ("Fragment 'Unused1' is never used.", [(21, 1)]),
                    ("Fragment 'Unused2' is never used.", [(25, 1)]),
                ]),
            RuleCase(
                "contains unknown and undef fragments",
                """
                query Foo {
                  human(id: 4) {
                    ...bar
                  }
                }
                fragment foo on Human {
                  name
                }
                """,
                [
                    ("Fragment 'foo' is never used.", [(6, 1)]),
                ]),
            RuleCase(
                "fragments without operations are unused",
                """
                fragment A on Human { name ...B }
                fragment B on Human { name }
                """,
                [
                    ("Fragment 'A' is never used.", [(1, 1)]),
                    ("Fragment 'B' is never used.", [(2, 1)]),
                ]),
            RuleCase(
                "a repeated fragment name counts as used",
                """
                { ...A }
                fragment A on QueryRoot { dog { name } }
                fragment A on QueryRoot { cat { name } }
                """,
                []),
        ])
    }
}
