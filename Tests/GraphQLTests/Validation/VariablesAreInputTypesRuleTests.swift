import XCTest
@testable import GraphQL

/// Variables Are Input Types.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class VariablesAreInputTypesRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(VariablesAreInputTypesRule.self, [
            RuleCase(
                "unknown types are ignored",
                """
                query Foo($a: Unknown, $b: [[Unknown!]]!, $c: Unknown!) { field(a: $a, b: $b, c: $c) }
                """,
                []),
            RuleCase(
                "input types are valid",
                """
                query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput) { field(a: $a, b: $b, c: $c) }
                """,
                []),
            RuleCase(
                "output types are invalid",
                """
                query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { field(a: $a, b: $b, c: $c) }
                """,
                [
                    ("Variable '$a' cannot be non-input type 'Dog'.", [(1, 15)]),
                    ("Variable '$b' cannot be non-input type '[[CatOrDog!]]!'.", [(1, 24)]),
                    ("Variable '$c' cannot be non-input type 'Pet'.", [(1, 44)]),
                ]),
            RuleCase(
                "each operation is checked",
                """
                query A($a: Being) { __typename }
                query B($a: [Being], $b: FurColor!, $c: Human!) { __typename }
                """,
                [
                    ("Variable '$a' cannot be non-input type 'Being'.", [(1, 13)]),
                    ("Variable '$a' cannot be non-input type '[Being]'.", [(2, 13)]),
                    ("Variable '$c' cannot be non-input type 'Human!'.", [(2, 41)]),
                ]),
        ])
    }
}
