import XCTest
@testable import GraphQL

/// The validation-b rules together, in graphql-core's `specified_rules` order: errors come
/// in document order, and in rule order at the same node, as graphql-core 3.3.2 reports them.
final class ValidationRulesBOrderTests: XCTestCase {
    func testValidationRuleOrder() {
        let rules: [ValidationRule.Type] = [KnownDirectivesRule.self, UniqueDirectivesPerLocationRule.self, DeferStreamDirectiveOnRootField.self, DeferStreamDirectiveOnValidOperationsRule.self, DeferStreamDirectiveLabel.self, StreamDirectiveOnListField.self, KnownArgumentNamesRule.self, UniqueArgumentNamesRule.self, ValuesOfCorrectTypeRule.self, ProvidedRequiredArgumentsRule.self, VariablesInAllowedPositionRule.self, OverlappingFieldsCanBeMergedRule.self, UniqueInputFieldNamesRule.self]
        checkRulesB(rules, [
            RuleCaseB(
                "errors of several rules in document order, then rule order",
                #"""
                query Q($v: Int, $w: String) @onField {
                  dog @unknown @onField @onField {
                    doesKnowCommand(dogCommand: "SIT", dogCommand: SIT, x: 1)
                    x: name(surname: $w)
                    x: nickname
                  }
                  complicatedArgs {
                    multipleReqs(req1: $v) @include
                    complexArgField(complexArg: { intField: "1", intField: 2 })
                  }
                  ... @defer(label: "a") { list @stream(label: "a") }
                }
                """#,
                [
                    ("Directive '@onField' may not be used on query.", [(1, 30)]),
                    ("The directive '@onField' can only be used once at this location.", [(2, 16), (2, 25)]),
                    ("Unknown directive '@unknown'.", [(2, 7)]),
                    ("Fields 'x' conflict because 'name' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(4, 5), (5, 5)]),
                    ("There can be only one argument named 'dogCommand'.", [(3, 21), (3, 40)]),
                    ("Enum 'DogCommand' cannot represent non-enum value: \"SIT\". Did you mean the enum value 'SIT'?", [(3, 33)]),
                    ("Unknown argument 'x' on field 'Dog.doesKnowCommand'.", [(3, 57)]),
                    ("Argument '@include(if:)' of type 'Boolean!' is required, but it was not provided.", [(8, 28)]),
                    ("Argument 'ComplicatedArgs.multipleReqs(req2:)' of type 'Int!' is required, but it was not provided.", [(8, 5)]),
                    ("Expected value of type 'ComplexInput' to include required field 'requiredField', found: { intField: \"1\", intField: 2 }.", [(9, 33)]),
                    ("There can be only one input field named 'intField'.", [(9, 35), (9, 50)]),
                    ("Defer/Stream directive label argument must be unique.", [(11, 7), (11, 33)]),
                    ("Variable '$w' of type 'String' used in position expecting type 'Boolean'.", [(1, 18), (4, 22)]),
                    ("Variable '$v' of type 'Int' used in position expecting type 'Int!'.", [(1, 9), (8, 24)]),
                ]),
            RuleCaseB(
                "subscription with defer and stream",
                #"""
                subscription S($s: Boolean) {
                  newMessage { ... @defer { body } replies @stream(initialCount: "1") { body } }
                  messages @stream { body }
                }
                """#,
                [
                    ("Stream directive cannot be used on root subscription type 'Subscription'.", [(3, 12)]),
                    ("Defer directive not supported on subscription operations. Disable `@defer` by setting the `if` argument to `false`.", [(2, 20)]),
                    ("Stream directive not supported on subscription operations. Disable `@stream` by setting the `if` argument to `false`.", [(2, 44)]),
                    ("Stream directive not supported on subscription operations. Disable `@stream` by setting the `if` argument to `false`.", [(3, 12)]),
                    ("Int cannot represent non-integer value: \"1\"", [(2, 66)]),
                ]),
        ])
    }
}
