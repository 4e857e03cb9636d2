import XCTest
@testable import GraphQL

/// ProvidedRequiredArgumentsRule: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class ProvidedRequiredArgumentsRuleTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(ProvidedRequiredArgumentsRule.self, [
            RuleCaseB(
                "ignores unknown arguments",
                #"""
                { dog { isHouseTrained(unknownArgument: true) } }
                """#,
                []),
            RuleCaseB(
                "arg on optional arg",
                #"""
                { dog { isHouseTrained(atOtherHomes: true) } }
                """#,
                []),
            RuleCaseB(
                "no arg on optional arg",
                #"""
                { dog { isHouseTrained } }
                """#,
                []),
            RuleCaseB(
                "no arg on non-null field with default",
                #"""
                { complicatedArgs { nonNullFieldWithDefault } }
                """#,
                []),
            RuleCaseB(
                "multiple args",
                #"""
                { complicatedArgs { multipleReqs(req1: 1, req2: 2) } }
                """#,
                []),
            RuleCaseB(
                "multiple args reverse order",
                #"""
                { complicatedArgs { multipleReqs(req2: 2, req1: 1) } }
                """#,
                []),
            RuleCaseB(
                "no args on multiple optional",
                #"""
                { complicatedArgs { multipleOpts } }
                """#,
                []),
            RuleCaseB(
                "one arg on multiple optional",
                #"""
                { complicatedArgs { multipleOpts(opt1: 1) } }
                """#,
                []),
            RuleCaseB(
                "all reqs and opts on mixed list",
                #"""
                { complicatedArgs { multipleOptAndReq(req1: 3, req2: 4, opt1: 5, opt2: 6) } }
                """#,
                []),
            RuleCaseB(
                "missing one non-nullable argument",
                #"""
                { complicatedArgs { multipleReqs(req2: 2) } }
                """#,
                [
                    ("Argument 'ComplicatedArgs.multipleReqs(req1:)' of type 'Int!' is required, but it was not provided.", [(1, 21)]),
                ]),
            RuleCaseB(
                "missing multiple non-nullable arguments",
                #"""
                { complicatedArgs { multipleReqs } }
                """#,
                [
                    ("Argument 'ComplicatedArgs.multipleReqs(req1:)' of type 'Int!' is required, but it was not provided.", [(1, 21)]),
                    ("Argument 'ComplicatedArgs.multipleReqs(req2:)' of type 'Int!' is required, but it was not provided.", [(1, 21)]),
                ]),
            RuleCaseB(
                "incorrect value and missing argument",
                #"""
                { complicatedArgs { multipleReqs(req1: "one") } }
                """#,
                [
                    ("Argument 'ComplicatedArgs.multipleReqs(req2:)' of type 'Int!' is required, but it was not provided.", [(1, 21)]),
                ]),
            RuleCaseB(
                "ignores unknown directives",
                #"""
                { dog @unknown }
                """#,
                []),
            RuleCaseB(
                "with directives of valid types",
                #"""
                { dog @include(if: true) { name } human @skip(if: false) { name } }
                """#,
                []),
            RuleCaseB(
                "with directive with missing types",
                #"""
                { dog @include { name @skip } }
                """#,
                [
                    ("Argument '@include(if:)' of type 'Boolean!' is required, but it was not provided.", [(1, 7)]),
                    ("Argument '@skip(if:)' of type 'Boolean!' is required, but it was not provided.", [(1, 23)]),
                ]),
            RuleCaseB(
                "directive defined in the document",
                #"""
                directive @local(a: Int!, b: [String]! = [], c: Int) on FIELD
                { dog @local { name } }
                """#,
                [
                    ("Argument '@local(a:)' of type 'Int!' is required, but it was not provided.", [(2, 7)]),
                ]),
            RuleCaseB(
                "directive with required and optional args",
                #"""
                { dog @withArgs(opt: "y") { name } }
                """#,
                [
                    ("Argument '@withArgs(req:)' of type 'Int!' is required, but it was not provided.", [(1, 7)]),
                ]),
            RuleCaseB(
                "deeper errors first",
                #"""
                { complicatedArgs { multipleReqs @include } }
                """#,
                [
                    ("Argument '@include(if:)' of type 'Boolean!' is required, but it was not provided.", [(1, 34)]),
                    ("Argument 'ComplicatedArgs.multipleReqs(req1:)' of type 'Int!' is required, but it was not provided.", [(1, 21)]),
                    ("Argument 'ComplicatedArgs.multipleReqs(req2:)' of type 'Int!' is required, but it was not provided.", [(1, 21)]),
                ]),
            RuleCaseB(
                "missing argument of a meta field",
                #"""
                { __type { name } }
                """#,
                [
                    ("Argument '<meta>.__type(name:)' of type 'String!' is required, but it was not provided.", [(1, 3)]),
                ]),
            RuleCaseB(
                "missing argument on an abstract parent",
                #"""
                { complicatedArgs { nonNullIntArgField } dog { ... on Dog { doesKnowCommand } } }
                """#,
                [
                    ("Argument 'ComplicatedArgs.nonNullIntArgField(nonNullIntArg:)' of type 'Int!' is required, but it was not provided.", [(1, 21)]),
                ]),
        ])
    }
}
