import XCTest
@testable import GraphQL

/// DeferStreamDirectiveOnValidOperationsRule: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class DeferStreamDirectiveOnValidOperationsRuleTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(DeferStreamDirectiveOnValidOperationsRule.self, [
            RuleCaseB(
                "defer on query",
                #"""
                { ... @defer { dog { name } } }
                """#,
                []),
            RuleCaseB(
                "defer on subscription",
                #"""
                subscription { newMessage { ... @defer { body } } }
                """#,
                [
                    ("Defer directive not supported on subscription operations. Disable `@defer` by setting the `if` argument to `false`.", [(1, 33)]),
                ]),
            RuleCaseB(
                "defer with if false",
                #"""
                subscription { newMessage { ... @defer(if: false) { body } } }
                """#,
                []),
            RuleCaseB(
                "defer with if variable",
                #"""
                subscription ($d: Boolean!) { newMessage { ... @defer(if: $d) { body } } }
                """#,
                []),
            RuleCaseB(
                "defer with if true",
                #"""
                subscription { newMessage { ... @defer(if: true) { body } } }
                """#,
                [
                    ("Defer directive not supported on subscription operations. Disable `@defer` by setting the `if` argument to `false`.", [(1, 33)]),
                ]),
            RuleCaseB(
                "stream on subscription",
                #"""
                subscription { newMessage { replies @stream { body } } }
                """#,
                [
                    ("Stream directive not supported on subscription operations. Disable `@stream` by setting the `if` argument to `false`.", [(1, 37)]),
                ]),
            RuleCaseB(
                "stream with if false",
                #"""
                subscription { newMessage { replies @stream(if: false) { body } } }
                """#,
                []),
            RuleCaseB(
                "skipped selections",
                #"""
                subscription ($s: Boolean!) {
                  newMessage {
                    a: replies @stream @skip(if: true) { body }
                    b: replies @stream @skip(if: $s) { body }
                    c: replies @stream @skip(if: false) { body }
                    d: replies @stream @include(if: false) { body }
                    e: replies @stream @include(if: true) { body }
                    f: replies @stream @skip { body }
                    g: replies @stream @include { body }
                  }
                }
                """#,
                [
                    ("Stream directive not supported on subscription operations. Disable `@stream` by setting the `if` argument to `false`.", [(5, 16)]),
                    ("Stream directive not supported on subscription operations. Disable `@stream` by setting the `if` argument to `false`.", [(7, 16)]),
                    ("Stream directive not supported on subscription operations. Disable `@stream` by setting the `if` argument to `false`.", [(9, 16)]),
                ]),
            RuleCaseB(
                "enclosing selection skipped",
                #"""
                subscription { newMessage @skip(if: true) { ... @defer { body } } }
                """#,
                []),
            RuleCaseB(
                "through fragments",
                #"""
                subscription { newMessage { ...A } }
                fragment A on Message { ...B }
                fragment B on Message { ...C @defer replies @stream { body } }
                fragment C on Message { body }
                """#,
                [
                    ("Defer directive not supported on subscription operations. Disable `@defer` by setting the `if` argument to `false`.", [(3, 30), (2, 25), (1, 29)]),
                    ("Stream directive not supported on subscription operations. Disable `@stream` by setting the `if` argument to `false`.", [(3, 45), (2, 25), (1, 29)]),
                ]),
            RuleCaseB(
                "fragments checked once",
                #"""
                subscription One { newMessage { ...A } }
                subscription Two { newMessage { ...A } }
                fragment A on Message { ... @defer { body } }
                """#,
                [
                    ("Defer directive not supported on subscription operations. Disable `@defer` by setting the `if` argument to `false`.", [(3, 29), (1, 33)]),
                    ("Defer directive not supported on subscription operations. Disable `@defer` by setting the `if` argument to `false`.", [(3, 29), (2, 33)]),
                ]),
        ])
    }
}
