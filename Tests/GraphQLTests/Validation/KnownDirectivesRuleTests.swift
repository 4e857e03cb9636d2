import XCTest
@testable import GraphQL

/// KnownDirectivesRule: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class KnownDirectivesRuleTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(KnownDirectivesRule.self, [
            RuleCaseB(
                "no directives",
                #"""
                query Foo { name: dog { name } }
                """#,
                []),
            RuleCaseB(
                "standard directives",
                #"""
                { dog { name @include(if: true) @skip(if: false) } human { ... on Human @skip(if: true) { name } } }
                """#,
                []),
            RuleCaseB(
                "unknown directive",
                #"""
                { dog @unknown(directive: "value") { name } }
                """#,
                [
                    ("Unknown directive '@unknown'.", [(1, 7)]),
                ]),
            RuleCaseB(
                "many unknown directives",
                #"""
                {
                  dog @unknown(directive: "value") { name }
                  human @unknown(directive: "value") {
                    name
                    pets @unknown(directive: "value") { name }
                  }
                }
                """#,
                [
                    ("Unknown directive '@unknown'.", [(2, 7)]),
                    ("Unknown directive '@unknown'.", [(3, 9)]),
                    ("Unknown directive '@unknown'.", [(5, 10)]),
                ]),
            RuleCaseB(
                "well placed directives",
                #"""
                query ($var: Boolean @onVariableDefinition) @onQuery {
                  name: dog @include(if: true) { name }
                  ...Frag @onFragmentSpread
                  ... @onInlineFragment { dog { name } }
                }
                fragment Frag on Query @onFragmentDefinition { dog { name @onField } }
                mutation @onMutation { updateMessage }
                subscription @onSubscription { newMessage { body } }
                """#,
                []),
            RuleCaseB(
                "misplaced directives",
                #"""
                query ($var: Boolean @onQuery) @onMutation {
                  name: dog @onQuery @include(if: true) { name }
                  ...Frag @onQuery
                  ... @onQuery { dog { name } }
                }
                fragment Frag on Query @onQuery { dog { name @onInlineFragment } }
                mutation @onQuery { updateMessage }
                subscription @onQuery { newMessage { body } }
                """#,
                [
                    ("Directive '@onQuery' may not be used on variable definition.", [(1, 22)]),
                    ("Directive '@onMutation' may not be used on query.", [(1, 32)]),
                    ("Directive '@onQuery' may not be used on field.", [(2, 13)]),
                    ("Directive '@onQuery' may not be used on fragment spread.", [(3, 11)]),
                    ("Directive '@onQuery' may not be used on inline fragment.", [(4, 7)]),
                    ("Directive '@onQuery' may not be used on fragment definition.", [(6, 24)]),
                    ("Directive '@onInlineFragment' may not be used on field.", [(6, 46)]),
                    ("Directive '@onQuery' may not be used on mutation.", [(7, 10)]),
                    ("Directive '@onQuery' may not be used on subscription.", [(8, 14)]),
                ]),
            RuleCaseB(
                "type system directive in executable document",
                #"""
                { dog @onSchema { name } }
                """#,
                [
                    ("Directive '@onSchema' may not be used on field.", [(1, 7)]),
                ]),
            RuleCaseB(
                "directive defined in the document",
                #"""
                directive @local on FIELD
                { dog @local { name } human @local(x: 1) }
                """#,
                []),
            RuleCaseB(
                "directive defined in the document at the wrong place",
                #"""
                directive @local on QUERY
                { dog @local { name } }
                """#,
                [
                    ("Directive '@local' may not be used on field.", [(2, 7)]),
                ]),
            RuleCaseB(
                "defer and stream",
                #"""
                { ... @defer { dog { name } } list @stream(initialCount: 1) }
                """#,
                []),
        ])
    }
}
