import XCTest
@testable import GraphQL

/// All Variables Used.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class NoUnusedVariablesRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(NoUnusedVariablesRule.self, [
            RuleCase(
                "uses all variables",
                """
                query ($a: String, $b: String, $c: String) {
                  field(a: $a, b: $b, c: $c)
                }
                """,
                []),
            RuleCase(
                "uses all variables deeply in inline fragments",
                """
                query Foo($a: String, $b: String, $c: String) {
                  ... on Type {
                    field(a: $a) {
                      field(b: $b) {
                        ... on Type {
                          field(c: $c)
                        }
                      }
                    }
                  }
                }
                """,
                []),
            RuleCase(
                "uses all variables in fragments",
                """
                query Foo($a: String, $b: String, $c: String) {
                  ...FragA
                }
                fragment FragA on Type {
                  field(a: $a) {
                    ...FragB
                  }
                }
                fragment FragB on Type {
                  field(b: $b) {
                    ...FragC
                  }
                }
                fragment FragC on Type {
                  field(c: $c)
                }
                """,
                []),
            RuleCase(
                "variable used by recursive fragment",
                """
                query Foo($a: String) {
                  ...FragA
                }
                fragment FragA on Type {
                  field(a: $a) {
                    ...FragA
                  }
                }
                """,
                []),
            RuleCase(
                "variable not used",
                """
                query ($a: String, $b: String, $c: String) {
                  field(a: $a, b: $b)
                }
                """,
                [
                    ("Variable '$c' is never used.", [(1, 32)]),
                ]),
            RuleCase(
                "multiple variables not used",
                """
                query Foo($a: String, $b: String, $c: String) {
                  field(b: $b)
                }
                """,
                [
                    ("Variable '$a' is never used in operation 'Foo'.", [(1, 11)]),
                    ("Variable '$c' is never used in operation 'Foo'.", [(1, 35)]),
                ]),
            RuleCase(
                "variable not used in fragments",
                """
                query Foo($a: String, $b: String, $c: String) {
                  ...FragA
                }
                fragment FragA on Type {
                  field(a: $a) {
                    ...FragB
                  }
                }
                fragment FragB on Type {
                  field(b: $b) {
                    ...FragC
                  }
                }
                fragment FragC on Type {
                  field
                }
                """,
                [
                    ("Variable '$c' is never used in operation 'Foo'.", [(1, 35)]),
                ]),
            RuleCase(
                "variable not used by unreferenced fragment",
                """
                query Foo($b: String) {
                  ...FragA
                }
                fragment FragA on Type {
                  field(a: $a)
                }
                fragment FragB on Type {
                  field(b: $b)
                }
                """,
                [
                    ("Variable '$b' is never used in operation 'Foo'.", [(1, 11)]),
                ]),
            RuleCase(
                "variable not used by fragment used by other operation",
                """
                query Foo($b: String) {
                  ...FragA
                }
                query Bar($a: String) {
                  ...FragB
                }
                fragment FragA on Type {
                  field(a: $a)
                }
                fragment FragB on Type {
                  field(b: $b)
                }
                """,
                [
                    ("Variable '$b' is never used in operation 'Foo'.", [(1, 11)]),
                    ("Variable '$a' is never used in operation 'Bar'.", [(4, 11)]),
                ]),
            RuleCase(
                "a variable used only in its own default value is unused",
                """
                query Foo($a: Int = 1, $b: Int @onField) { field }
                """,
                [
                    ("Variable '$a' is never used in operation 'Foo'.", [(1, 11)]),
                    ("Variable '$b' is never used in operation 'Foo'.", [(1, 24)]),
                ]),
            RuleCase(
                "variables used in directives are used",
                """
                query Foo($a: Boolean!, $b: Int) { field @include(if: $a) { f(x: [{y: $b}]) } }
                """,
                []),
        ])
    }
}
