import XCTest
@testable import GraphQL

/// UniqueArgumentNamesRule: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class UniqueArgumentNamesRuleTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(UniqueArgumentNamesRule.self, [
            RuleCaseB(
                "no arguments on field",
                #"""
                { field }
                """#,
                []),
            RuleCaseB(
                "no arguments on directive",
                #"""
                { field @directive }
                """#,
                []),
            RuleCaseB(
                "argument on field",
                #"""
                { field(arg: "value") }
                """#,
                []),
            RuleCaseB(
                "argument on directive",
                #"""
                { field @directive(arg: "value") }
                """#,
                []),
            RuleCaseB(
                "same argument on two fields",
                #"""
                { one: field(arg: "value") two: field(arg: "value") }
                """#,
                []),
            RuleCaseB(
                "same argument on field and directive",
                #"""
                { field(arg: "value") @directive(arg: "value") }
                """#,
                []),
            RuleCaseB(
                "same argument on two directives",
                #"""
                { field @directive1(arg: "value") @directive2(arg: "value") }
                """#,
                []),
            RuleCaseB(
                "multiple field arguments",
                #"""
                { field(arg1: "value", arg2: "value", arg3: "value") }
                """#,
                []),
            RuleCaseB(
                "multiple directive arguments",
                #"""
                { field @directive(arg1: "value", arg2: "value", arg3: "value") }
                """#,
                []),
            RuleCaseB(
                "duplicate field arguments",
                #"""
                { field(arg1: "value", arg1: "value") }
                """#,
                [
                    ("There can be only one argument named 'arg1'.", [(1, 9), (1, 24)]),
                ]),
            RuleCaseB(
                "many duplicate field arguments",
                #"""
                { field(arg1: "value", arg1: "value", arg1: "value") }
                """#,
                [
                    ("There can be only one argument named 'arg1'.", [(1, 9), (1, 24), (1, 39)]),
                ]),
            RuleCaseB(
                "duplicate directive arguments",
                #"""
                { field @directive(arg1: "value", arg1: "value") }
                """#,
                [
                    ("There can be only one argument named 'arg1'.", [(1, 20), (1, 35)]),
                ]),
            RuleCaseB(
                "many duplicate directive arguments",
                #"""
                { field @directive(arg1: "value", arg1: "value", arg1: "value") }
                """#,
                [
                    ("There can be only one argument named 'arg1'.", [(1, 20), (1, 35), (1, 50)]),
                ]),
            RuleCaseB(
                "interleaved duplicates",
                #"""
                { field(b: 1, a: 2, b: 3, a: 4, c: 5) }
                """#,
                [
                    ("There can be only one argument named 'b'.", [(1, 9), (1, 21)]),
                    ("There can be only one argument named 'a'.", [(1, 15), (1, 27)]),
                ]),
        ])
    }
}
