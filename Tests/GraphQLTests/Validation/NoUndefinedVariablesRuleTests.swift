import XCTest
@testable import GraphQL

/// All Variable Uses Defined.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class NoUndefinedVariablesRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(NoUndefinedVariablesRule.self, [
            RuleCase(
                "all variables defined",
                """
                query Foo($a: String, $b: String, $c: String) {
                  field(a: $a, b: $b, c: $c)
                }
                """,
                []),
            RuleCase(
                "all variables deeply defined",
                """
                query Foo($a: String, $b: String, $c: String) {
                  field(a: $a) {
                    field(b: $b) {
                      field(c: $c)
                    }
                  }
                }
                """,
                []),
            RuleCase(
                "all variables deeply in inline fragments defined",
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
                "all variables in fragments deeply defined",
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
                "variable within single fragment defined in multiple operations",
                """
                query Foo($a: String) {
                  ...FragA
                }
                query Bar($a: String) {
                  ...FragA
                }
                fragment FragA on Type {
                  field(a: $a)
                }
                """,
                []),
            RuleCase(
                "variable within recursive fragment defined",
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
                "variable not defined",
                """
                query Foo($a: String, $b: String, $c: String) {
                  field(a: $a, b: $b, c: $c, d: $d)
                }
                """,
                [
                    ("Variable '$d' is not defined by operation 'Foo'.", [(2, 33), (1, 1)]),
                ]),
            RuleCase(
                "variable not defined by un-named query",
                """
                {
                  field(a: $a)
                }
                """,
                [
                    ("Variable '$a' is not defined.", [(2, 12), (1, 1)]),
                ]),
            RuleCase(
                "multiple variables not defined",
                """
                query Foo($b: String) {
                  field(a: $a, b: $b, c: $c)
                }
                """,
                [
                    ("Variable '$a' is not defined by operation 'Foo'.", [(2, 12), (1, 1)]),
                    ("Variable '$c' is not defined by operation 'Foo'.", [(2, 26), (1, 1)]),
                ]),
            RuleCase(
                "variable in fragment not defined by un-named query",
                """
                {
                  ...FragA
                }
                fragment FragA on Type {
                  field(a: $a)
                }
                """,
                [
                    ("Variable '$a' is not defined.", [(5, 12), (1, 1)]),
                ]),
            RuleCase(
                "variable in fragment not defined by operation",
                """
                query Foo($a: String, $b: String) {
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
                [
                    ("Variable '$c' is not defined by operation 'Foo'.", [(15, 12), (1, 1)]),
                ]),
            RuleCase(
                "multiple variables in fragments not defined",
                """
                query Foo($b: String) {
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
                [
                    ("Variable '$a' is not defined by operation 'Foo'.", [(5, 12), (1, 1)]),
                    ("Variable '$c' is not defined by operation 'Foo'.", [(15, 12), (1, 1)]),
                ]),
            RuleCase(
                "single variable in fragment not defined by multiple operations",
                """
                query Foo($a: String) {
                  ...FragAB
                }
                query Bar($a: String) {
                  ...FragAB
                }
                fragment FragAB on Type {
                  field(a: $a, b: $b)
                }
                """,
                [
                    ("Variable '$b' is not defined by operation 'Foo'.", [(8, 19), (1, 1)]),
                    ("Variable '$b' is not defined by operation 'Bar'.", [(8, 19), (4, 1)]),
                ]),
            RuleCase(
                "variables in fragment not defined by multiple operations",
                """
                query Foo($b: String) {
                  ...FragAB
                }
                query Bar($a: String) {
                  ...FragAB
                }
                fragment FragAB on Type {
                  field(a: $a, b: $b)
                }
                """,
                [
                    ("Variable '$a' is not defined by operation 'Foo'.", [(8, 12), (1, 1)]),
                    ("Variable '$b' is not defined by operation 'Bar'.", [(8, 19), (4, 1)]),
                ]),
            RuleCase(
                "variable in fragment used by other operation",
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
                    ("Variable '$a' is not defined by operation 'Foo'.", [(8, 12), (1, 1)]),
                    ("Variable '$b' is not defined by operation 'Bar'.", [(11, 12), (4, 1)]),
                ]),
            RuleCase(
                "multiple undefined variables produce multiple errors",
                """
                query Foo($b: String) {
                  ...FragAB
                }
                query Bar($a: String) {
                  ...FragAB
                }
                fragment FragAB on Type {
                  field1(a: $a, b: $b)
                  ...FragC
                  field3(a: $a, b: $b)
                }
                fragment FragC on Type {
                  field2(c: $c)
                }
                """,
                [
                    ("Variable '$a' is not defined by operation 'Foo'.", [(8, 13), (1, 1)]),
                    ("Variable '$a' is not defined by operation 'Foo'.", [(10, 13), (1, 1)]),
                    ("Variable '$c' is not defined by operation 'Foo'.", [(13, 13), (1, 1)]),
                    ("Variable '$b' is not defined by operation 'Bar'.", [(8, 20), (4, 1)]),
                    ("Variable '$b' is not defined by operation 'Bar'.", [(10, 20), (4, 1)]),
                    ("Variable '$c' is not defined by operation 'Bar'.", [(13, 13), (4, 1)]),
                ]),
            RuleCase(
                "variables in directives, lists and objects",
                """
                query Foo {
                  field(a: [$a, {b: $b, c: [$c]}]) @include(if: $d)
                }
                """,
                [
                    ("Variable '$a' is not defined by operation 'Foo'.", [(2, 13), (1, 1)]),
                    ("Variable '$b' is not defined by operation 'Foo'.", [(2, 21), (1, 1)]),
                    ("Variable '$c' is not defined by operation 'Foo'.", [(2, 29), (1, 1)]),
                    ("Variable '$d' is not defined by operation 'Foo'.", [(2, 49), (1, 1)]),
                ]),
            RuleCase(
                "default values of variables are not usages",
                """
                query Foo($a: Int = 1) { field(a: $a) }
                """,
                []),
        ])
    }
}
