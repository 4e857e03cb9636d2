import XCTest
@testable import GraphQL

/// DeferStreamDirectiveLabel: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class DeferStreamDirectiveLabelTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(DeferStreamDirectiveLabel.self, [
            RuleCaseB(
                "unique labels",
                #"""
                { ... @defer(label: "a") { dog { name } } list @stream(label: "b") }
                """#,
                []),
            RuleCaseB(
                "no labels",
                #"""
                { ... @defer { dog { name } } list @stream }
                """#,
                []),
            RuleCaseB(
                "null label",
                #"""
                { ... @defer(label: null) { dog { name } } ... @defer(label: null) { cat { name } } }
                """#,
                []),
            RuleCaseB(
                "duplicate labels",
                #"""
                { ... @defer(label: "a") { dog { name } } list @stream(label: "a") ... @defer(label: "a") { cat { name } } }
                """#,
                [
                    ("Defer/Stream directive label argument must be unique.", [(1, 7), (1, 48)]),
                    ("Defer/Stream directive label argument must be unique.", [(1, 7), (1, 72)]),
                ]),
            RuleCaseB(
                "variable label",
                #"""
                query ($l: String) { ... @defer(label: $l) { dog { name } } list @stream(label: $l) }
                """#,
                [
                    ("Defer directive label argument must be a static string.", [(1, 26)]),
                    ("Stream directive label argument must be a static string.", [(1, 66)]),
                ]),
            RuleCaseB(
                "non-string labels",
                #"""
                { ... @defer(label: 1) { dog { name } } list @stream(label: ENUM) }
                """#,
                [
                    ("Defer directive label argument must be a static string.", [(1, 7)]),
                    ("Stream directive label argument must be a static string.", [(1, 46)]),
                ]),
            RuleCaseB(
                "other directives ignored",
                #"""
                { dog @onField { name } list @repeatable @repeatable }
                """#,
                []),
        ])
    }
}
