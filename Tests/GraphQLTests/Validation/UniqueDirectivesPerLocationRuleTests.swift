import XCTest
@testable import GraphQL

/// UniqueDirectivesPerLocationRule: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class UniqueDirectivesPerLocationRuleTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(UniqueDirectivesPerLocationRule.self, [
            RuleCaseB(
                "no directives",
                #"""
                fragment Test on Dog { name }
                """#,
                []),
            RuleCaseB(
                "unique directives in different locations",
                #"""
                fragment Test on Dog @onFragmentDefinition { name @onField }
                """#,
                []),
            RuleCaseB(
                "unique directives in same locations",
                #"""
                fragment Test on Dog @onFragmentDefinition @onQuery { name @onField @onInlineFragment }
                """#,
                []),
            RuleCaseB(
                "same directives in different locations",
                #"""
                fragment Test on Dog @onField { name @onField }
                """#,
                []),
            RuleCaseB(
                "same directives in similar locations",
                #"""
                fragment Test on Dog { name @onField name @onField }
                """#,
                []),
            RuleCaseB(
                "repeatable directives in same location",
                #"""
                fragment Test on Dog @repeatable @repeatable { name @repeatable @repeatable }
                """#,
                []),
            RuleCaseB(
                "unknown directives must be ignored",
                #"""
                fragment Test on Dog @unknown @unknown { name @unknown @unknown }
                """#,
                []),
            RuleCaseB(
                "duplicate directives in one location",
                #"""
                fragment Test on Dog { name @onField @onField }
                """#,
                [
                    ("The directive '@onField' can only be used once at this location.", [(1, 29), (1, 38)]),
                ]),
            RuleCaseB(
                "many duplicate directives in one location",
                #"""
                fragment Test on Dog { name @onField @onField @onField }
                """#,
                [
                    ("The directive '@onField' can only be used once at this location.", [(1, 29), (1, 38)]),
                    ("The directive '@onField' can only be used once at this location.", [(1, 29), (1, 47)]),
                ]),
            RuleCaseB(
                "different duplicate directives in one location",
                #"""
                fragment Test on Dog { name @onField @onQuery @onField @onQuery }
                """#,
                [
                    ("The directive '@onField' can only be used once at this location.", [(1, 29), (1, 47)]),
                    ("The directive '@onQuery' can only be used once at this location.", [(1, 38), (1, 56)]),
                ]),
            RuleCaseB(
                "duplicate directives in many locations",
                #"""
                fragment Test on Dog @onFragmentDefinition @onFragmentDefinition { name @onField @onField }
                """#,
                [
                    ("The directive '@onFragmentDefinition' can only be used once at this location.", [(1, 22), (1, 44)]),
                    ("The directive '@onField' can only be used once at this location.", [(1, 73), (1, 82)]),
                ]),
            RuleCaseB(
                "duplicates on operations, variables, spreads and inline fragments",
                #"""
                query ($v: Int @onVariableDefinition @onVariableDefinition) @onQuery @onQuery {
                  ...Test @onFragmentSpread @onFragmentSpread
                  ... @skip(if: true) @skip(if: false) { dog { name } }
                }
                """#,
                [
                    ("The directive '@onQuery' can only be used once at this location.", [(1, 61), (1, 70)]),
                    ("The directive '@onVariableDefinition' can only be used once at this location.", [(1, 16), (1, 38)]),
                    ("The directive '@onFragmentSpread' can only be used once at this location.", [(2, 11), (2, 29)]),
                    ("The directive '@skip' can only be used once at this location.", [(3, 7), (3, 23)]),
                ]),
            RuleCaseB(
                "directive defined in the document",
                #"""
                directive @local on FIELD
                directive @localRep repeatable on FIELD
                { dog @local @local @localRep @localRep { name } }
                """#,
                [
                    ("The directive '@local' can only be used once at this location.", [(3, 7), (3, 14)]),
                ]),
        ])
    }
}
