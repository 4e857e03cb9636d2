import XCTest
@testable import GraphQL

/// KnownArgumentNamesRule: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class KnownArgumentNamesRuleTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(KnownArgumentNamesRule.self, [
            RuleCaseB(
                "single arg is known",
                #"""
                fragment argOnRequiredArg on Dog { doesKnowCommand(dogCommand: SIT) }
                """#,
                []),
            RuleCaseB(
                "multiple args are known",
                #"""
                fragment multipleArgs on ComplicatedArgs { multipleReqs(req1: 1, req2: 2) }
                """#,
                []),
            RuleCaseB(
                "ignores args of unknown fields",
                #"""
                fragment argOnUnknownField on Dog { unknownField(unknownArg: SIT) }
                """#,
                []),
            RuleCaseB(
                "multiple args in reverse order are known",
                #"""
                fragment multipleArgsReverseOrder on ComplicatedArgs { multipleReqs(req2: 2, req1: 1) }
                """#,
                []),
            RuleCaseB(
                "no args on optional arg",
                #"""
                fragment noArgOnOptionalArg on Dog { isHouseTrained }
                """#,
                []),
            RuleCaseB(
                "args are known deeply",
                #"""
                {
                  dog { doesKnowCommand(dogCommand: SIT) }
                  human { pets { ... on Dog { doesKnowCommand(dogCommand: SIT) } } }
                }
                """#,
                []),
            RuleCaseB(
                "directive args are known",
                #"""
                { dog @skip(if: true) { name } }
                """#,
                []),
            RuleCaseB(
                "field args are invalid",
                #"""
                { dog @skip(unless: true) { name } }
                """#,
                [
                    ("Unknown argument 'unless' on directive '@skip'.", [(1, 13)]),
                ]),
            RuleCaseB(
                "directive without args is valid",
                #"""
                { dog @onField { name } }
                """#,
                []),
            RuleCaseB(
                "arg passed to directive without arg is reported",
                #"""
                { dog @onField(if: true) { name } }
                """#,
                [
                    ("Unknown argument 'if' on directive '@onField'.", [(1, 16)]),
                ]),
            RuleCaseB(
                "misspelled directive args are reported",
                #"""
                { dog @skip(iff: true) { name } }
                """#,
                [
                    ("Unknown argument 'iff' on directive '@skip'. Did you mean 'if'?", [(1, 13)]),
                ]),
            RuleCaseB(
                "invalid arg name",
                #"""
                fragment invalidArgName on Dog { doesKnowCommand(unknown: true) }
                """#,
                [
                    ("Unknown argument 'unknown' on field 'Dog.doesKnowCommand'.", [(1, 50)]),
                ]),
            RuleCaseB(
                "misspelled arg name is reported",
                #"""
                fragment invalidArgName on Dog { doesKnowCommand(DogCommand: true) }
                """#,
                [
                    ("Unknown argument 'DogCommand' on field 'Dog.doesKnowCommand'. Did you mean 'dogCommand'?", [(1, 50)]),
                ]),
            RuleCaseB(
                "unknown args amongst known args",
                #"""
                fragment oneGoodArgOneInvalidArg on Dog { doesKnowCommand(whoKnows: 1, dogCommand: SIT, unknown: true) }
                """#,
                [
                    ("Unknown argument 'whoKnows' on field 'Dog.doesKnowCommand'.", [(1, 59)]),
                    ("Unknown argument 'unknown' on field 'Dog.doesKnowCommand'.", [(1, 89)]),
                ]),
            RuleCaseB(
                "unknown args deeply",
                #"""
                {
                  dog { doesKnowCommand(unknown: true) }
                  human { pets { ... on Dog { doesKnowCommand(unknown: true) } } }
                }
                """#,
                [
                    ("Unknown argument 'unknown' on field 'Dog.doesKnowCommand'.", [(2, 25)]),
                    ("Unknown argument 'unknown' on field 'Dog.doesKnowCommand'.", [(3, 47)]),
                ]),
            RuleCaseB(
                "unknown arg on meta field",
                #"""
                { __typename(x: 1) __type(name: "Dog", nam: 1) { name } }
                """#,
                [
                    ("Unknown argument 'x' on field 'Query.__typename'.", [(1, 14)]),
                    ("Unknown argument 'nam' on field 'Query.__type'. Did you mean 'name'?", [(1, 40)]),
                ]),
            RuleCaseB(
                "directive defined in the document",
                #"""
                directive @local(known: Int) on FIELD
                { dog @local(known: 1, knwn: 2) { name } }
                """#,
                [
                    ("Unknown argument 'knwn' on directive '@local'. Did you mean 'known'?", [(2, 24)]),
                ]),
            RuleCaseB(
                "suggestions for directive args",
                #"""
                { dog @withArgs(rq: 1, opts: "a") { name } }
                """#,
                [
                    ("Unknown argument 'rq' on directive '@withArgs'. Did you mean 'req'?", [(1, 17)]),
                    ("Unknown argument 'opts' on directive '@withArgs'. Did you mean 'opt'?", [(1, 24)]),
                ]),
        ])
    }
}
