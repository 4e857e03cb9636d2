import XCTest
@testable import GraphQL

/// Fragments On Composite Types.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class FragmentsOnCompositeTypesRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(FragmentsOnCompositeTypesRule.self, [
            RuleCase(
                "object is valid fragment type",
                """
                fragment validFragment on Dog { barks }
                """,
                []),
            RuleCase(
                "interface is valid fragment type",
                """
                fragment validFragment on Pet { name }
                """,
                []),
            RuleCase(
                "object is valid inline fragment type",
                """
                fragment validFragment on Pet {
                  ... on Dog {
                    barks
                  }
                }
                """,
                []),
            RuleCase(
                "interface is valid inline fragment type",
                """
                fragment validFragment on Mammal {
                  ... on Canine {
                    name
                  }
                }
                """,
                []),
            RuleCase(
                "inline fragment without type is valid",
                """
                fragment validFragment on Pet {
                  ... {
                    name
                  }
                }
                """,
                []),
            RuleCase(
                "union is valid fragment type",
                """
                fragment validFragment on CatOrDog { __typename }
                """,
                []),
            RuleCase(
                "unknown types are ignored",
                """
                fragment F on Unknown { a }
                { ... on AlsoUnknown { b } }
                """,
                []),
            RuleCase(
                "scalar is invalid fragment type",
                """
                fragment scalarFragment on Boolean { bad }
                """,
                [
                    ("Fragment 'scalarFragment' cannot condition on non composite type 'Boolean'.", [(1, 28)]),
                ]),
            RuleCase(
                "enum is invalid fragment type",
                """
                fragment scalarFragment on FurColor { bad }
                """,
                [
                    ("Fragment 'scalarFragment' cannot condition on non composite type 'FurColor'.", [(1, 28)]),
                ]),
            RuleCase(
                "input object is invalid fragment type",
                """
                fragment inputFragment on ComplexInput { stringField }
                """,
                [
                    ("Fragment 'inputFragment' cannot condition on non composite type 'ComplexInput'.", [(1, 27)]),
                ]),
            RuleCase(
                "scalar is invalid inline fragment type",
                """
                fragment invalidFragment on Pet {
                  ... on String {
                    barks
                  }
                }
                """,
                [
                    ("Fragment cannot condition on non composite type 'String'.", [(2, 10)]),
                ]),
        ])
    }
}
