import XCTest
@testable import GraphQL

/// VariablesInAllowedPositionRule: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class VariablesInAllowedPositionRuleTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(VariablesInAllowedPositionRule.self, [
            RuleCaseB(
                "Boolean => Boolean",
                #"""
                query Query($booleanArg: Boolean) { complicatedArgs { booleanArgField(booleanArg: $booleanArg) } }
                """#,
                []),
            RuleCaseB(
                "Boolean => Boolean within fragment",
                #"""
                fragment booleanArgFrag on ComplicatedArgs { booleanArgField(booleanArg: $booleanArg) }
                query Query($booleanArg: Boolean) { complicatedArgs { ...booleanArgFrag } }
                """#,
                []),
            RuleCaseB(
                "Boolean! => Boolean",
                #"""
                query Query($nonNullBooleanArg: Boolean!) { complicatedArgs { booleanArgField(booleanArg: $nonNullBooleanArg) } }
                """#,
                []),
            RuleCaseB(
                "[String] => [String]",
                #"""
                query Query($stringListVar: [String]) { complicatedArgs { stringListArgField(stringListArg: $stringListVar) } }
                """#,
                []),
            RuleCaseB(
                "[String!] => [String]",
                #"""
                query Query($stringListVar: [String!]) { complicatedArgs { stringListArgField(stringListArg: $stringListVar) } }
                """#,
                []),
            RuleCaseB(
                "String => [String] in item position",
                #"""
                query Query($stringVar: String) { complicatedArgs { stringListArgField(stringListArg: [$stringVar]) } }
                """#,
                []),
            RuleCaseB(
                "ComplexInput => ComplexInput",
                #"""
                query Query($complexVar: ComplexInput) { complicatedArgs { complexArgField(complexArg: $complexVar) } }
                """#,
                []),
            RuleCaseB(
                "ComplexInput => ComplexInput in field position",
                #"""
                query Query($boolVar: Boolean = false) { complicatedArgs { complexArgField(complexArg: {requiredField: $boolVar}) } }
                """#,
                []),
            RuleCaseB(
                "Boolean! => Boolean! in directive",
                #"""
                query Query($boolVar: Boolean!) { dog @include(if: $boolVar) }
                """#,
                []),
            RuleCaseB(
                "Int => Int!",
                #"""
                query Query($intArg: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) } }
                """#,
                [
                    ("Variable '$intArg' of type 'Int' used in position expecting type 'Int!'.", [(1, 13), (1, 81)]),
                ]),
            RuleCaseB(
                "Int => Int! within fragment",
                #"""
                fragment nonNullIntArgFieldFrag on ComplicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }
                query Query($intArg: Int) { complicatedArgs { ...nonNullIntArgFieldFrag } }
                """#,
                [
                    ("Variable '$intArg' of type 'Int' used in position expecting type 'Int!'.", [(2, 13), (1, 88)]),
                ]),
            RuleCaseB(
                "Int => Int! within nested fragment",
                #"""
                fragment outerFrag on ComplicatedArgs { ...nonNullIntArgFieldFrag }
                fragment nonNullIntArgFieldFrag on ComplicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }
                query Query($intArg: Int) { complicatedArgs { ...outerFrag } }
                """#,
                [
                    ("Variable '$intArg' of type 'Int' used in position expecting type 'Int!'.", [(3, 13), (2, 88)]),
                ]),
            RuleCaseB(
                "String over Boolean",
                #"""
                query Query($stringVar: String) { complicatedArgs { booleanArgField(booleanArg: $stringVar) } }
                """#,
                [
                    ("Variable '$stringVar' of type 'String' used in position expecting type 'Boolean'.", [(1, 13), (1, 81)]),
                ]),
            RuleCaseB(
                "String => [String]",
                #"""
                query Query($stringVar: String) { complicatedArgs { stringListArgField(stringListArg: $stringVar) } }
                """#,
                [
                    ("Variable '$stringVar' of type 'String' used in position expecting type '[String]'.", [(1, 13), (1, 87)]),
                ]),
            RuleCaseB(
                "Boolean => Boolean! in directive",
                #"""
                query Query($boolVar: Boolean) { dog @include(if: $boolVar) }
                """#,
                [
                    ("Variable '$boolVar' of type 'Boolean' used in position expecting type 'Boolean!'.", [(1, 13), (1, 51)]),
                ]),
            RuleCaseB(
                "String => Boolean! in directive",
                #"""
                query Query($stringVar: String) { dog @include(if: $stringVar) }
                """#,
                [
                    ("Variable '$stringVar' of type 'String' used in position expecting type 'Boolean!'.", [(1, 13), (1, 52)]),
                ]),
            RuleCaseB(
                "[String] => [String!]",
                #"""
                query Query($stringListVar: [String]) { complicatedArgs { stringListNonNullArgField(stringListNonNullArg: $stringListVar) } }
                """#,
                [
                    ("Variable '$stringListVar' of type '[String]' used in position expecting type '[String!]'.", [(1, 13), (1, 107)]),
                ]),
            RuleCaseB(
                "Int => Int! with non-null default value",
                #"""
                query Query($intVar: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $intVar) } }
                """#,
                []),
            RuleCaseB(
                "Int => Int! with null default value",
                #"""
                query Query($intVar: Int = null) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $intVar) } }
                """#,
                [
                    ("Variable '$intVar' of type 'Int' used in position expecting type 'Int!'.", [(1, 13), (1, 88)]),
                ]),
            RuleCaseB(
                "Int => Int! where argument has a default",
                #"""
                query Query($intVar: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $intVar) } }
                """#,
                []),
            RuleCaseB(
                "Boolean => Boolean! with both defaults",
                #"""
                query Query($boolVar: Boolean = false) { dog @include(if: $boolVar) }
                """#,
                []),
            RuleCaseB(
                "Boolean => Boolean! with optional non-null argument",
                #"""
                query Query($boolVar: Boolean) { complicatedArgs { optionalNonNullBooleanArgField(optionalBooleanArg: $boolVar) } }
                """#,
                []),
            RuleCaseB(
                "Int => Int! in list item without default",
                #"""
                query Query($intVar: Int) { complicatedArgs { nullableListOfNonNullInts(ints: [$intVar]) } }
                """#,
                [
                    ("Variable '$intVar' of type 'Int' used in position expecting type 'Int!'.", [(1, 13), (1, 80)]),
                ]),
            RuleCaseB(
                "unknown variable type is ignored",
                #"""
                query Query($v: Unknown) { complicatedArgs { intArgField(intArg: $v) } }
                """#,
                []),
            RuleCaseB(
                "undefined variable is ignored",
                #"""
                { complicatedArgs { intArgField(intArg: $v) } }
                """#,
                []),
            RuleCaseB(
                "multiple operations",
                #"""
                query A($v: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $v) } }
                query B($v: Int!) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $v) } }
                query C($v: String) { complicatedArgs { ...F } }
                fragment F on ComplicatedArgs { intArgField(intArg: $v) stringArgField(stringArg: $v) }
                """#,
                [
                    ("Variable '$v' of type 'Int' used in position expecting type 'Int!'.", [(1, 9), (1, 72)]),
                    ("Variable '$v' of type 'String' used in position expecting type 'Int'.", [(3, 9), (4, 53)]),
                ]),
            RuleCaseB(
                "oneOf: nullable variable",
                #"""
                query ($s: String) { complicatedArgs { oneOfArgField(oneOfArg: {stringField: $s}) } }
                """#,
                [
                    ("Variable '$s' is of type 'String' but must be non-nullable to be used for OneOf Input Object 'OneOfInput'.", [(1, 8), (1, 78)]),
                ]),
            RuleCaseB(
                "oneOf: non-null variable",
                #"""
                query ($s: String!) { complicatedArgs { oneOfArgField(oneOfArg: {stringField: $s}) } }
                """#,
                []),
            RuleCaseB(
                "oneOf: nullable variable with default",
                #"""
                query ($s: String = "x") { complicatedArgs { oneOfArgField(oneOfArg: {stringField: $s}) } }
                """#,
                [
                    ("Variable '$s' is of type 'String' but must be non-nullable to be used for OneOf Input Object 'OneOfInput'.", [(1, 8), (1, 84)]),
                ]),
            RuleCaseB(
                "oneOf: non-null oneOf argument",
                #"""
                query ($s: String) { complicatedArgs { nonNullOneOfArgField(oneOfArg: {stringField: $s}) } }
                """#,
                []),
            RuleCaseB(
                "oneOf: wrong type and nullable",
                #"""
                query ($s: Int) { complicatedArgs { oneOfArgField(oneOfArg: {stringField: $s}) } }
                """#,
                [
                    ("Variable '$s' of type 'Int' used in position expecting type 'String'.", [(1, 8), (1, 75)]),
                    ("Variable '$s' is of type 'Int' but must be non-nullable to be used for OneOf Input Object 'OneOfInput'.", [(1, 8), (1, 75)]),
                ]),
        ])
    }
}
