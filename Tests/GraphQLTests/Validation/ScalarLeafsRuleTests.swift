import XCTest
@testable import GraphQL

/// Leaf Field Selections.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class ScalarLeafsRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(ScalarLeafsRule.self, [
            RuleCase(
                "valid scalar selection",
                """
                fragment scalarSelection on Dog {
                  barks
                }
                """,
                []),
            RuleCase(
                "object type missing selection",
                """
                query directQueryOnObjectWithoutSubFields {
                  human
                }
                """,
                [
                    ("Field 'human' of type 'Human' must have a selection of subfields. Did you mean 'human { ... }'?", [(2, 3)]),
                ]),
            RuleCase(
                "interface type missing selection",
                """
                {
                  human { pets }
                }
                """,
                [
                    ("Field 'pets' of type '[Pet]' must have a selection of subfields. Did you mean 'pets { ... }'?", [(2, 11)]),
                ]),
            RuleCase(
                "list of lists missing selection",
                """
                {
                  human { petMatrix }
                }
                """,
                [
                    ("Field 'petMatrix' of type '[[Pet!]]!' must have a selection of subfields. Did you mean 'petMatrix { ... }'?", [(2, 11)]),
                ]),
            RuleCase(
                "non-null list missing selection",
                """
                {
                  human { relatives }
                }
                """,
                [
                    ("Field 'relatives' of type '[Human]!' must have a selection of subfields. Did you mean 'relatives { ... }'?", [(2, 11)]),
                ]),
            RuleCase(
                "union type missing selection",
                """
                { catOrDog }
                """,
                [
                    ("Field 'catOrDog' of type 'CatOrDog' must have a selection of subfields. Did you mean 'catOrDog { ... }'?", [(1, 3)]),
                ]),
            RuleCase(
                "empty selection set on object is allowed",
                """
                { human {} }
                """,
                []),
            RuleCase(
                "valid scalar selection with args",
                """
                fragment scalarSelectionWithArgs on Dog {
                  doesKnowCommand(dogCommand: SIT)
                }
                """,
                []),
            RuleCase(
                "scalar selection not allowed on Boolean",
                """
                fragment scalarSelectionsNotAllowedOnBoolean on Dog {
                  barks { sinceWhen }
                }
                """,
                [
                    ("Field 'barks' must not have a selection since type 'Boolean' has no subfields.", [(2, 9)]),
                ]),
            RuleCase(
                "scalar selection not allowed on Enum",
                """
                fragment scalarSelectionsNotAllowedOnEnum on Cat {
                  furColor { inHexDec }
                }
                """,
                [
                    ("Field 'furColor' must not have a selection since type 'FurColor' has no subfields.", [(2, 12)]),
                ]),
            RuleCase(
                "scalar selection not allowed with args",
                """
                fragment scalarSelectionsNotAllowedWithArgs on Dog {
                  doesKnowCommand(dogCommand: SIT) { sinceWhen }
                }
                """,
                [
                    ("Field 'doesKnowCommand' must not have a selection since type 'Boolean' has no subfields.", [(2, 36)]),
                ]),
            RuleCase(
                "scalar selection not allowed with directives",
                """
                fragment scalarSelectionsNotAllowedWithDirectives on Dog {
                  name @include(if: true) { isAlsoHumanName }
                }
                """,
                [
                    ("Field 'name' must not have a selection since type 'String' has no subfields.", [(2, 27)]),
                ]),
            RuleCase(
                "scalar selection not allowed with directives and args",
                """
                fragment scalarSelectionsNotAllowedWithDirectivesAndArgs on Dog {
                  doesKnowCommand(dogCommand: SIT) @include(if: true) { sinceWhen }
                }
                """,
                [
                    ("Field 'doesKnowCommand' must not have a selection since type 'Boolean' has no subfields.", [(2, 55)]),
                ]),
            RuleCase(
                "non-null scalar in introspection",
                """
                { __typename { x } __schema { queryType } }
                """,
                [
                    ("Field '__typename' must not have a selection since type 'String!' has no subfields.", [(1, 14)]),
                    ("Field 'queryType' of type '__Type!' must have a selection of subfields. Did you mean 'queryType { ... }'?", [(1, 31)]),
                ]),
            RuleCase(
                "unknown fields are ignored",
                """
                { unknown unknown2 { a } dog { unknown } }
                """,
                []),
        ])
    }
}
