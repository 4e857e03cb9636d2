import XCTest
@testable import GraphQL

/// ValuesOfCorrectTypeRule: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class ValuesOfCorrectTypeRuleTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(ValuesOfCorrectTypeRule.self, [
            RuleCaseB(
                "good int value",
                #"""
                { complicatedArgs { intArgField(intArg: 2) } }
                """#,
                []),
            RuleCaseB(
                "good negative int value",
                #"""
                { complicatedArgs { intArgField(intArg: -2) } }
                """#,
                []),
            RuleCaseB(
                "good boolean value",
                #"""
                { complicatedArgs { booleanArgField(booleanArg: true) } }
                """#,
                []),
            RuleCaseB(
                "good string value",
                #"""
                { complicatedArgs { stringArgField(stringArg: "foo") } }
                """#,
                []),
            RuleCaseB(
                "good float value",
                #"""
                { complicatedArgs { floatArgField(floatArg: 1.1) } }
                """#,
                []),
            RuleCaseB(
                "good negative float value",
                #"""
                { complicatedArgs { floatArgField(floatArg: -1.1) } }
                """#,
                []),
            RuleCaseB(
                "int into float",
                #"""
                { complicatedArgs { floatArgField(floatArg: 1) } }
                """#,
                []),
            RuleCaseB(
                "int into ID",
                #"""
                { complicatedArgs { idArgField(idArg: 1) } }
                """#,
                []),
            RuleCaseB(
                "string into ID",
                #"""
                { complicatedArgs { idArgField(idArg: "someIdString") } }
                """#,
                []),
            RuleCaseB(
                "good enum value",
                #"""
                { dog { doesKnowCommand(dogCommand: SIT) } }
                """#,
                []),
            RuleCaseB(
                "enum with undefined value",
                #"""
                { complicatedArgs { enumArgField(enumArg: UNKNOWN) } }
                """#,
                []),
            RuleCaseB(
                "enum with null value",
                #"""
                { complicatedArgs { enumArgField(enumArg: NO_FUR) } }
                """#,
                []),
            RuleCaseB(
                "null into nullable type",
                #"""
                { complicatedArgs { intArgField(intArg: null) } } { dog(a: null, b: null, c:{ requiredField: true, intField: null }) { name } }
                """#,
                []),
            RuleCaseB(
                "int into string",
                #"""
                { complicatedArgs { stringArgField(stringArg: 1) } }
                """#,
                [
                    ("String cannot represent a non string value: 1", [(1, 47)]),
                ]),
            RuleCaseB(
                "float into string",
                #"""
                { complicatedArgs { stringArgField(stringArg: 1.0) } }
                """#,
                [
                    ("String cannot represent a non string value: 1.0", [(1, 47)]),
                ]),
            RuleCaseB(
                "boolean into string",
                #"""
                { complicatedArgs { stringArgField(stringArg: true) } }
                """#,
                [
                    ("String cannot represent a non string value: true", [(1, 47)]),
                ]),
            RuleCaseB(
                "unquoted string into string",
                #"""
                { complicatedArgs { stringArgField(stringArg: BAR) } }
                """#,
                [
                    ("String cannot represent a non string value: BAR", [(1, 47)]),
                ]),
            RuleCaseB(
                "string into int",
                #"""
                { complicatedArgs { intArgField(intArg: "3") } }
                """#,
                [
                    ("Int cannot represent non-integer value: \"3\"", [(1, 41)]),
                ]),
            RuleCaseB(
                "big int into int",
                #"""
                { complicatedArgs { intArgField(intArg: 829384293849283498239482938) } }
                """#,
                [
                    ("Int cannot represent non 32-bit signed integer value: 829384293849283498239482938", [(1, 41)]),
                ]),
            RuleCaseB(
                "int just out of range",
                #"""
                { complicatedArgs { a: intArgField(intArg: 2147483648) b: intArgField(intArg: -2147483649) c: intArgField(intArg: 2147483647) d: intArgField(intArg: -2147483648) } }
                """#,
                [
                    ("Int cannot represent non 32-bit signed integer value: 2147483648", [(1, 44)]),
                    ("Int cannot represent non 32-bit signed integer value: -2147483649", [(1, 79)]),
                ]),
            RuleCaseB(
                "unquoted string into int",
                #"""
                { complicatedArgs { intArgField(intArg: FOO) } }
                """#,
                [
                    ("Int cannot represent non-integer value: FOO", [(1, 41)]),
                ]),
            RuleCaseB(
                "simple float into int",
                #"""
                { complicatedArgs { intArgField(intArg: 3.0) } }
                """#,
                [
                    ("Int cannot represent non-integer value: 3.0", [(1, 41)]),
                ]),
            RuleCaseB(
                "float into int",
                #"""
                { complicatedArgs { intArgField(intArg: 3.333) } }
                """#,
                [
                    ("Int cannot represent non-integer value: 3.333", [(1, 41)]),
                ]),
            RuleCaseB(
                "string into float",
                #"""
                { complicatedArgs { floatArgField(floatArg: "3.333") } }
                """#,
                [
                    ("Float cannot represent non numeric value: \"3.333\"", [(1, 45)]),
                ]),
            RuleCaseB(
                "boolean into float",
                #"""
                { complicatedArgs { floatArgField(floatArg: true) } }
                """#,
                [
                    ("Float cannot represent non numeric value: true", [(1, 45)]),
                ]),
            RuleCaseB(
                "unquoted into float",
                #"""
                { complicatedArgs { floatArgField(floatArg: FOO) } }
                """#,
                [
                    ("Float cannot represent non numeric value: FOO", [(1, 45)]),
                ]),
            RuleCaseB(
                "huge float",
                #"""
                { complicatedArgs { floatArgField(floatArg: 1e400) } }
                """#,
                []),
            RuleCaseB(
                "int into boolean",
                #"""
                { complicatedArgs { booleanArgField(booleanArg: 2) } }
                """#,
                [
                    ("Boolean cannot represent a non boolean value: 2", [(1, 49)]),
                ]),
            RuleCaseB(
                "float into boolean",
                #"""
                { complicatedArgs { booleanArgField(booleanArg: 1.0) } }
                """#,
                [
                    ("Boolean cannot represent a non boolean value: 1.0", [(1, 49)]),
                ]),
            RuleCaseB(
                "string into boolean",
                #"""
                { complicatedArgs { booleanArgField(booleanArg: "true") } }
                """#,
                [
                    ("Boolean cannot represent a non boolean value: \"true\"", [(1, 49)]),
                ]),
            RuleCaseB(
                "unquoted into boolean",
                #"""
                { complicatedArgs { booleanArgField(booleanArg: TRUE) } }
                """#,
                [
                    ("Boolean cannot represent a non boolean value: TRUE", [(1, 49)]),
                ]),
            RuleCaseB(
                "float into ID",
                #"""
                { complicatedArgs { idArgField(idArg: 1.0) } }
                """#,
                [
                    ("ID cannot represent a non-string and non-integer value: 1.0", [(1, 39)]),
                ]),
            RuleCaseB(
                "boolean into ID",
                #"""
                { complicatedArgs { idArgField(idArg: true) } }
                """#,
                [
                    ("ID cannot represent a non-string and non-integer value: true", [(1, 39)]),
                ]),
            RuleCaseB(
                "unquoted into ID",
                #"""
                { complicatedArgs { idArgField(idArg: SOMETHING) } }
                """#,
                [
                    ("ID cannot represent a non-string and non-integer value: SOMETHING", [(1, 39)]),
                ]),
            RuleCaseB(
                "int into enum",
                #"""
                { dog { doesKnowCommand(dogCommand: 2) } }
                """#,
                [
                    ("Enum 'DogCommand' cannot represent non-enum value: 2.", [(1, 37)]),
                ]),
            RuleCaseB(
                "float into enum",
                #"""
                { dog { doesKnowCommand(dogCommand: 1.0) } }
                """#,
                [
                    ("Enum 'DogCommand' cannot represent non-enum value: 1.0.", [(1, 37)]),
                ]),
            RuleCaseB(
                "string into enum",
                #"""
                { dog { doesKnowCommand(dogCommand: "SIT") } }
                """#,
                [
                    ("Enum 'DogCommand' cannot represent non-enum value: \"SIT\". Did you mean the enum value 'SIT'?", [(1, 37)]),
                ]),
            RuleCaseB(
                "boolean into enum",
                #"""
                { dog { doesKnowCommand(dogCommand: true) } }
                """#,
                [
                    ("Enum 'DogCommand' cannot represent non-enum value: true.", [(1, 37)]),
                ]),
            RuleCaseB(
                "unknown enum value into enum",
                #"""
                { dog { doesKnowCommand(dogCommand: JUGGLE) } }
                """#,
                [
                    ("Value 'JUGGLE' does not exist in 'DogCommand' enum.", [(1, 37)]),
                ]),
            RuleCaseB(
                "different case enum value into enum",
                #"""
                { dog { doesKnowCommand(dogCommand: sit) } }
                """#,
                [
                    ("Value 'sit' does not exist in 'DogCommand' enum. Did you mean the enum value 'SIT'?", [(1, 37)]),
                ]),
            RuleCaseB(
                "good list value",
                #"""
                { complicatedArgs { stringListArgField(stringListArg: ["one", null, "two"]) } }
                """#,
                []),
            RuleCaseB(
                "empty list value",
                #"""
                { complicatedArgs { stringListArgField(stringListArg: []) } }
                """#,
                []),
            RuleCaseB(
                "null value into list",
                #"""
                { complicatedArgs { stringListArgField(stringListArg: null) } }
                """#,
                []),
            RuleCaseB(
                "single value into list",
                #"""
                { complicatedArgs { stringListArgField(stringListArg: "one") } }
                """#,
                []),
            RuleCaseB(
                "incorrect item type",
                #"""
                { complicatedArgs { stringListArgField(stringListArg: ["one", 2]) } }
                """#,
                [
                    ("String cannot represent a non string value: 2", [(1, 63)]),
                ]),
            RuleCaseB(
                "single value of incorrect type",
                #"""
                { complicatedArgs { stringListArgField(stringListArg: 1) } }
                """#,
                [
                    ("String cannot represent a non string value: 1", [(1, 55)]),
                ]),
            RuleCaseB(
                "null item in non-null item list",
                #"""
                { complicatedArgs { stringListNonNullArgField(stringListNonNullArg: ["a", null]) } }
                """#,
                [
                    ("Expected value of non-null type 'String!' not to be None.", [(1, 75)]),
                ]),
            RuleCaseB(
                "list into scalar",
                #"""
                { complicatedArgs { stringArgField(stringArg: ["a", "b"]) intArgField(intArg: [[1], {a: 1}]) } }
                """#,
                [
                    ("String cannot represent a non string value: [\"a\", \"b\"]", []),
                    ("Int cannot represent non-integer value: [[1], { a: 1 }]", []),
                ]),
            RuleCaseB(
                "list and object with variables into scalar and enum",
                #"""
                query ($x: Int) { complicatedArgs { stringArgField(stringArg: ["a", $x]) intArgField(intArg: {a: $x, b: 1}) enumArgField(enumArg: [$x]) } }
                """#,
                [
                    ("String cannot represent a non string value: [\"a\", null]", []),
                    ("Int cannot represent non-integer value: { b: 1 }", []),
                    ("Enum 'FurColor' cannot represent non-enum value: [null].", []),
                ]),
            RuleCaseB(
                "nested list into list of scalars",
                #"""
                { items(first: [1]) complicatedArgs { stringListArgField(stringListArg: [["a"]]) } }
                """#,
                [
                    ("Int cannot represent non-integer value: [1]", []),
                    ("String cannot represent a non string value: [\"a\"]", []),
                ]),
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
                "multiple args",
                #"""
                { complicatedArgs { multipleReqs(req1: 1, req2: 2) } }
                """#,
                []),
            RuleCaseB(
                "incorrect value type",
                #"""
                { complicatedArgs { multipleReqs(req2: "two", req1: "one") } }
                """#,
                [
                    ("Int cannot represent non-integer value: \"two\"", [(1, 40)]),
                    ("Int cannot represent non-integer value: \"one\"", [(1, 53)]),
                ]),
            RuleCaseB(
                "incorrect value and missing argument",
                #"""
                { complicatedArgs { multipleReqs(req1: "one") } }
                """#,
                [
                    ("Int cannot represent non-integer value: \"one\"", [(1, 40)]),
                ]),
            RuleCaseB(
                "null value into non-null",
                #"""
                { complicatedArgs { multipleReqs(req1: null) } }
                """#,
                [
                    ("Expected value of non-null type 'Int!' not to be None.", [(1, 40)]),
                ]),
            RuleCaseB(
                "optional arg, despite required field in type",
                #"""
                { complicatedArgs { complexArgField } }
                """#,
                []),
            RuleCaseB(
                "partial object, only required",
                #"""
                { complicatedArgs { complexArgField(complexArg: { requiredField: true }) } }
                """#,
                []),
            RuleCaseB(
                "partial object, required field can be falsy",
                #"""
                { complicatedArgs { complexArgField(complexArg: { requiredField: false }) } }
                """#,
                []),
            RuleCaseB(
                "partial object, including required",
                #"""
                { complicatedArgs { complexArgField(complexArg: { requiredField: true, intField: 4 }) } }
                """#,
                []),
            RuleCaseB(
                "full object",
                #"""
                { complicatedArgs { complexArgField(complexArg: { requiredField: true, intField: 4, stringField: "foo", booleanField: false, stringListField: ["one", "two"] }) } }
                """#,
                []),
            RuleCaseB(
                "partial object, missing required",
                #"""
                { complicatedArgs { complexArgField(complexArg: { intField: 4 }) } }
                """#,
                [
                    ("Expected value of type 'ComplexInput' to include required field 'requiredField', found: { intField: 4 }.", [(1, 49)]),
                ]),
            RuleCaseB(
                "partial object, invalid field type",
                #"""
                { complicatedArgs { complexArgField(complexArg: { stringListField: ["one", 2], requiredField: true }) } }
                """#,
                [
                    ("String cannot represent a non string value: 2", [(1, 76)]),
                ]),
            RuleCaseB(
                "partial object, null to non-null field",
                #"""
                { complicatedArgs { complexArgField(complexArg: { requiredField: true, nonNullField: null }) } }
                """#,
                [
                    ("Expected value of non-null type 'Boolean!' not to be None.", [(1, 86)]),
                ]),
            RuleCaseB(
                "partial object, unknown field arg",
                #"""
                { complicatedArgs { complexArgField(complexArg: { requiredField: true, invalidField: "value" }) } }
                """#,
                [
                    ("Expected value of type 'ComplexInput' not to include unknown field 'invalidField'. Did you mean 'intField'? Found: { requiredField: true, invalidField: \"value\" }.", [(1, 72)]),
                ]),
            RuleCaseB(
                "unknown field with suggestions",
                #"""
                { complicatedArgs { complexArgField(complexArg: { requiredField: true, intfield: 1, strngField: "x", booleanField: 1 }) } }
                """#,
                [
                    ("Boolean cannot represent a non boolean value: 1", [(1, 116)]),
                    ("Expected value of type 'ComplexInput' not to include unknown field 'intfield'. Did you mean 'intField' or 'stringField'? Found: { requiredField: true, intfield: 1, strngField: \"x\", booleanField: 1 }.", [(1, 72)]),
                    ("Expected value of type 'ComplexInput' not to include unknown field 'strngField'. Did you mean 'stringField', 'intField', or 'stringListField'? Found: { requiredField: true, intfield: 1, strngField: \"x\", booleanField: 1 }.", [(1, 85)]),
                ]),
            RuleCaseB(
                "object into scalar and scalar into object",
                #"""
                { complicatedArgs { intArgField(intArg: { a: 1 }) complexArgField(complexArg: 1) } }
                """#,
                [
                    ("Int cannot represent non-integer value: { a: 1 }", []),
                    ("Expected value of type 'ComplexInput' to be an object, found: 1.", [(1, 79)]),
                ]),
            RuleCaseB(
                "list of objects into object",
                #"""
                { complicatedArgs { complexArgField(complexArg: [{ requiredField: true }]) } }
                """#,
                [
                    ("Expected value of type 'ComplexInput' to be an object, found: [{ requiredField: true }].", [(1, 49)]),
                ]),
            RuleCaseB(
                "long object wraps in the message",
                #"""
                { complicatedArgs { complexArgField(complexArg: { intField: 1, stringField: "a fairly long string value here", stringListField: ["one", "two", "three"] }) } }
                """#,
                [
                    ("Expected value of type 'ComplexInput' to include required field 'requiredField', found: {\n  intField: 1\n  stringField: \"a fairly long string value here\"\n  stringListField: [\"one\", \"two\", \"three\"]\n}.", [(1, 49)]),
                ]),
            RuleCaseB(
                "empty object",
                #"""
                { complicatedArgs { complexArgField(complexArg: {}) } }
                """#,
                [
                    ("Expected value of type 'ComplexInput' to include required field 'requiredField', found: {  }.", [(1, 49)]),
                ]),
            RuleCaseB(
                "block string and escapes in messages",
                #"""
                { complicatedArgs { intArgField(intArg: """block
                string""") floatArgField(floatArg: "tab\there \"q\" \u00e9") } }
                """#,
                [
                    ("Int cannot represent non-integer value: \"\"\"\nblock\nstring\n\"\"\"", [(1, 41)]),
                    ("Float cannot represent non numeric value: \"tab\\there \\\"q\\\" é\"", [(2, 36)]),
                ]),
            RuleCaseB(
                "custom scalar accepts any literal",
                #"""
                { complicatedArgs { a: customArgField(customArg: 1) b: customArgField(customArg: "x") c: customArgField(customArg: {a: [1, $v], b: ENUM}) d: customArgField(customArg: null) } }
                """#,
                []),
            RuleCaseB(
                "oneOf: exactly one field",
                #"""
                { complicatedArgs { oneOfArgField(oneOfArg: { stringField: "abc" }) } }
                """#,
                []),
            RuleCaseB(
                "oneOf: exactly one variable field",
                #"""
                query ($s: String!) { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $s }) } }
                """#,
                []),
            RuleCaseB(
                "oneOf: no fields",
                #"""
                { complicatedArgs { oneOfArgField(oneOfArg: {}) } }
                """#,
                [
                    ("Within OneOf Input Object type 'OneOfInput', exactly one field must be specified, and the value for that field must be non-null.", [(1, 45)]),
                ]),
            RuleCaseB(
                "oneOf: two fields",
                #"""
                { complicatedArgs { oneOfArgField(oneOfArg: { stringField: "abc", intField: 123 }) } }
                """#,
                [
                    ("Within OneOf Input Object type 'OneOfInput', exactly one field must be specified, and the value for that field must be non-null.", [(1, 45)]),
                ]),
            RuleCaseB(
                "oneOf: null field",
                #"""
                { complicatedArgs { oneOfArgField(oneOfArg: { stringField: null }) } }
                """#,
                [
                    ("Within OneOf Input Object type 'OneOfInput', exactly one field must be specified, and the value for that field must be non-null.", [(1, 45)]),
                ]),
            RuleCaseB(
                "oneOf: null field and unknown field",
                #"""
                { complicatedArgs { oneOfArgField(oneOfArg: { stringField: null, other: 1 }) } }
                """#,
                [
                    ("Expected value of type 'OneOfInput' not to include unknown field 'other', found: { stringField: null, other: 1 }.", [(1, 66)]),
                    ("Within OneOf Input Object type 'OneOfInput', exactly one field must be specified, and the value for that field must be non-null.", [(1, 45)]),
                ]),
            RuleCaseB(
                "oneOf: wrong field type",
                #"""
                { complicatedArgs { oneOfArgField(oneOfArg: { intField: "x" }) } }
                """#,
                [
                    ("Int cannot represent non-integer value: \"x\"", [(1, 57)]),
                ]),
            RuleCaseB(
                "directive arguments",
                #"""
                { dog @include(if: "yes") { name @skip(if: ENUM) } }
                """#,
                [
                    ("Boolean cannot represent a non boolean value: \"yes\"", [(1, 20)]),
                    ("Boolean cannot represent a non boolean value: ENUM", [(1, 44)]),
                ]),
            RuleCaseB(
                "variables with valid default values",
                #"""
                query WithDefaultValues($a: Int = 1, $b: String = "ok", $c: ComplexInput = { requiredField: true, intField: 3 }, $d: Int! = 123) { dog { name } }
                """#,
                []),
            RuleCaseB(
                "variables with valid default null values",
                #"""
                query WithDefaultValues($a: Int = null, $b: String = null, $c: ComplexInput = { requiredField: true, intField: null }) { dog { name } }
                """#,
                []),
            RuleCaseB(
                "variables with invalid default null values",
                #"""
                query WithDefaultValues($a: Int! = null, $b: String! = null, $c: ComplexInput = { requiredField: null, intField: null }) { dog { name } }
                """#,
                [
                    ("Expected value of non-null type 'Int!' not to be None.", [(1, 36)]),
                    ("Expected value of non-null type 'String!' not to be None.", [(1, 56)]),
                    ("Expected value of non-null type 'Boolean!' not to be None.", [(1, 98)]),
                ]),
            RuleCaseB(
                "variables with invalid default values",
                #"""
                query InvalidDefaultValues($a: Int = "one", $b: String = 4, $c: ComplexInput = "NotVeryComplex") { dog { name } }
                """#,
                [
                    ("Int cannot represent non-integer value: \"one\"", [(1, 38)]),
                    ("String cannot represent a non string value: 4", [(1, 58)]),
                    ("Expected value of type 'ComplexInput' to be an object, found: \"NotVeryComplex\".", [(1, 80)]),
                ]),
            RuleCaseB(
                "variables with complex invalid default values",
                #"""
                query WithDefaultValues($a: ComplexInput = { requiredField: 123, intField: "abc" }) { dog { name } }
                """#,
                [
                    ("Boolean cannot represent a non boolean value: 123", [(1, 61)]),
                    ("Int cannot represent non-integer value: \"abc\"", [(1, 76)]),
                ]),
            RuleCaseB(
                "complex variables missing required field",
                #"""
                query MissingRequiredField($a: ComplexInput = {intField: 3}) { dog { name } }
                """#,
                [
                    ("Expected value of type 'ComplexInput' to include required field 'requiredField', found: { intField: 3 }.", [(1, 47)]),
                ]),
            RuleCaseB(
                "list variables with invalid item",
                #"""
                query InvalidItem($a: [String] = ["one", 2]) { dog { name } }
                """#,
                [
                    ("String cannot represent a non string value: 2", [(1, 42)]),
                ]),
            RuleCaseB(
                "unknown argument and unknown type are ignored",
                #"""
                query ($a: Unknown = 1) { dog { name(unknown: 1) } }
                """#,
                []),
            RuleCaseB(
                "values in nested fields",
                #"""
                { human(id: 1.5) { pets { ... on Dog { doesKnowCommand(dogCommand: sit) } } } }
                """#,
                [
                    ("ID cannot represent a non-string and non-integer value: 1.5", [(1, 13)]),
                    ("Value 'sit' does not exist in 'DogCommand' enum. Did you mean the enum value 'SIT'?", [(1, 68)]),
                ]),
            RuleCaseB(
                "nested wrapping in messages",
                #"""
                { complicatedArgs { complexArgField(complexArg: { intField: 1, stringListField: ["one one one one", "two two two two", "three three three", "four four four", 5], booleanField: "no" }) } }
                """#,
                [
                    ("Expected value of type 'ComplexInput' to include required field 'requiredField', found: {\n  intField: 1\n  stringListField: [\"one one one one\", \"two two two two\", \"three three three\", \"four four four\", 5]\n  booleanField: \"no\"\n}.", [(1, 49)]),
                    ("Boolean cannot represent a non boolean value: \"no\"", [(1, 177)]),
                    ("String cannot represent a non string value: 5", [(1, 159)]),
                ]),
            RuleCaseB(
                "nested objects wrap inside lists",
                #"""
                query ($a: [ComplexInput] = [{ intField: 1, stringField: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", stringListField: ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"] }]) { dog { name } }
                """#,
                [
                    ("Expected value of type 'ComplexInput' to include required field 'requiredField', found: {\n  intField: 1\n  stringField: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n  stringListField: [\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"]\n}.", [(1, 30)]),
                ]),
        ])
    }
}
