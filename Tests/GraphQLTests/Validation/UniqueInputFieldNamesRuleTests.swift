import XCTest
@testable import GraphQL

/// UniqueInputFieldNamesRule: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class UniqueInputFieldNamesRuleTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(UniqueInputFieldNamesRule.self, [
            RuleCaseB(
                "input object with fields",
                #"""
                { field(arg: { f: true }) }
                """#,
                []),
            RuleCaseB(
                "same input object within two args",
                #"""
                { field(arg1: { f: true }, arg2: { f: true }) }
                """#,
                []),
            RuleCaseB(
                "multiple input object fields",
                #"""
                { field(arg: { f1: "value", f2: "value", f3: "value" }) }
                """#,
                []),
            RuleCaseB(
                "allows for nested input objects with similar fields",
                #"""
                {
                  field(arg: {
                    deep: {
                      deep: {
                        id: 1
                      }
                      id: 1
                    }
                    id: 1
                  })
                }
                """#,
                []),
            RuleCaseB(
                "duplicate input object fields",
                #"""
                { field(arg: { f1: "value", f1: "value" }) }
                """#,
                [
                    ("There can be only one input field named 'f1'.", [(1, 16), (1, 29)]),
                ]),
            RuleCaseB(
                "many duplicate input object fields",
                #"""
                { field(arg: { f1: "value", f1: "value", f1: "value" }) }
                """#,
                [
                    ("There can be only one input field named 'f1'.", [(1, 16), (1, 29)]),
                    ("There can be only one input field named 'f1'.", [(1, 16), (1, 42)]),
                ]),
            RuleCaseB(
                "nested duplicate input object fields",
                #"""
                { field(arg: { f1: {f2: "value", f2: "value" }}) }
                """#,
                [
                    ("There can be only one input field named 'f2'.", [(1, 21), (1, 34)]),
                ]),
            RuleCaseB(
                "duplicates in lists and variable defaults",
                #"""
                query ($v: ComplexInput = {a: 1, a: 2}) { field(arg: [{x: 1}, {x: 1, x: 2}]) }
                """#,
                [
                    ("There can be only one input field named 'a'.", [(1, 28), (1, 34)]),
                    ("There can be only one input field named 'x'.", [(1, 64), (1, 70)]),
                ]),
        ])
    }
}
