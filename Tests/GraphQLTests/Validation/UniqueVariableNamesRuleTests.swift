import XCTest
@testable import GraphQL

/// Variable Uniqueness.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class UniqueVariableNamesRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(UniqueVariableNamesRule.self, [
            RuleCase(
                "unique variable names",
                """
                query A($x: Int, $y: String) { __typename }
                query B($x: String, $y: Int) { __typename }
                """,
                []),
            RuleCase(
                "duplicate variable names",
                """
                query A($x: Int, $x: Int, $x: String) { __typename }
                query B($y: String, $y: Int) { __typename }
                query C($z: Int, $z: Int) { __typename }
                """,
                [
                    ("There can be only one variable named '$x'.", [(1, 10), (1, 19), (1, 28)]),
                    ("There can be only one variable named '$y'.", [(2, 10), (2, 22)]),
                    ("There can be only one variable named '$z'.", [(3, 10), (3, 19)]),
                ]),
            RuleCase(
                "interleaved duplicates are reported in order of first appearance",
                """
                query ($b: Int, $a: Int, $b: Int, $a: Int, $c: Int) { __typename }
                """,
                [
                    ("There can be only one variable named '$b'.", [(1, 9), (1, 27)]),
                    ("There can be only one variable named '$a'.", [(1, 18), (1, 36)]),
                ]),
        ])
    }
}
