import XCTest

@testable import GraphQL

/// Variable coercion against graphql-core 3.3.2 (`execute` without validation, so that the
/// values reach coercion); request errors carry no `data`, as the specification says.
final class VariableCoercionTests: XCTestCase {
    static let sdl = #"""
enum Color { RED GREEN BLUE }
input Inner { a: Int!, b: String = "bee" }
input Filter { color: Color, limit: Int = 10, tags: [String!], nested: Inner }
input Pick @oneOf { a: Int, b: String }
scalar Anything
type Query {
  echo(i: Int, ii: Int!, f: Float, s: String, b: Boolean, id: ID, c: Color, l: [Int!], ll: [[Int]], fi: Filter, p: Pick, j: Anything): String
}
"""#

    static let document = #"query($i: Int, $ii: Int!, $f: Float, $s: String, $b: Boolean, $id: ID, $c: Color, $l: [Int!], $ll: [[Int]], $fi: Filter, $p: Pick, $j: Anything) { echo(i: $i, ii: $ii, f: $f, s: $s, b: $b, id: $id, c: $c, l: $l, ll: $ll, fi: $fi, p: $p, j: $j) }"#

    /// (name, variables, expected response)
    static let cases: [(String, String, String)] = [
        ("valid values", #"{"ii":1,"i":-2147483648,"f":2.5,"s":"x","b":false,"id":12,"c":"RED","l":[1,2],"ll":[[1],null],"fi":{"color":"BLUE"},"p":{"b":"x"},"j":{"any":[1]}}"#, #"{"data":{"echo":"{\"i\":-2147483648,\"ii\":1,\"f\":2.5,\"s\":\"x\",\"b\":false,\"id\":\"12\",\"c\":\"RED\",\"l\":[1,2],\"ll\":[[1],null],\"fi\":{\"color\":\"BLUE\",\"limit\":10},\"p\":{\"b\":\"x\"},\"j\":{\"any\":[1]}}"}}"#),
        ("required not provided", #"{}"#, #"{"errors":[{"message":"Variable '$ii' has invalid value: Expected a value of non-null type 'Int!' to be provided.","locations":[{"line":1,"column":16}]}]}"#),
        ("required null", #"{"ii":null}"#, #"{"errors":[{"message":"Variable '$ii' has invalid value: Expected value of non-null type 'Int!' not to be None.","locations":[{"line":1,"column":16}]}]}"#),
        ("int from string", #"{"ii":"abc"}"#, #"{"errors":[{"message":"Variable '$ii' has invalid value: Int cannot represent non-integer value: 'abc'","locations":[{"line":1,"column":16}]}]}"#),
        ("int too large", #"{"ii":2147483648}"#, #"{"errors":[{"message":"Variable '$ii' has invalid value: Int cannot represent non 32-bit signed integer value: 2147483648","locations":[{"line":1,"column":16}]}]}"#),
        ("int from float", #"{"ii":1.5}"#, #"{"errors":[{"message":"Variable '$ii' has invalid value: Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":16}]}]}"#),
        ("int from integral float", #"{"ii":2.0}"#, #"{"data":{"echo":"{\"ii\":2}"}}"#),
        ("int from bool", #"{"ii":true}"#, #"{"errors":[{"message":"Variable '$ii' has invalid value: Int cannot represent non-integer value: True","locations":[{"line":1,"column":16}]}]}"#),
        ("float from string", #"{"ii":1,"f":"1.5"}"#, #"{"errors":[{"message":"Variable '$f' has invalid value: Float cannot represent non numeric value: '1.5'","locations":[{"line":1,"column":27}]}]}"#),
        ("string from int", #"{"ii":1,"s":5}"#, #"{"errors":[{"message":"Variable '$s' has invalid value: String cannot represent a non string value: 5","locations":[{"line":1,"column":38}]}]}"#),
        ("boolean from int", #"{"ii":1,"b":1}"#, #"{"errors":[{"message":"Variable '$b' has invalid value: Boolean cannot represent a non boolean value: 1","locations":[{"line":1,"column":50}]}]}"#),
        ("id from float", #"{"ii":1,"id":1.5}"#, #"{"errors":[{"message":"Variable '$id' has invalid value: ID cannot represent value: 1.5","locations":[{"line":1,"column":63}]}]}"#),
        ("id from bool", #"{"ii":1,"id":true}"#, #"{"errors":[{"message":"Variable '$id' has invalid value: ID cannot represent value: True","locations":[{"line":1,"column":63}]}]}"#),
        ("enum unknown value", #"{"ii":1,"c":"REED"}"#, #"{"errors":[{"message":"Variable '$c' has invalid value: Value 'REED' does not exist in 'Color' enum. Did you mean the enum value 'RED' or 'GREEN'?","locations":[{"line":1,"column":72}]}]}"#),
        ("enum non-string", #"{"ii":1,"c":1}"#, #"{"errors":[{"message":"Variable '$c' has invalid value: Enum 'Color' cannot represent non-string value: 1.","locations":[{"line":1,"column":72}]}]}"#),
        ("list of one", #"{"ii":1,"l":7}"#, #"{"data":{"echo":"{\"ii\":1,\"l\":[7]}"}}"#),
        ("list bad items", #"{"ii":1,"l":[1,null,"a"]}"#, #"{"errors":[{"message":"Variable '$l' has invalid value at [1]: Expected value of non-null type 'Int!' not to be None.","locations":[{"line":1,"column":83}]},{"message":"Variable '$l' has invalid value at [2]: Int cannot represent non-integer value: 'a'","locations":[{"line":1,"column":83}]}]}"#),
        ("nested list", #"{"ii":1,"ll":[[1,"x"],2]}"#, #"{"errors":[{"message":"Variable '$ll' has invalid value at [0][1]: Int cannot represent non-integer value: 'x'","locations":[{"line":1,"column":95}]}]}"#),
        ("input object not object", #"{"ii":1,"fi":"str"}"#, #"{"errors":[{"message":"Variable '$fi' has invalid value: Expected value of type 'Filter' to be an object, found: 'str'.","locations":[{"line":1,"column":109}]}]}"#),
        ("input object unknown field", #"{"ii":1,"fi":{"colour":"RED"}}"#, #"{"errors":[{"message":"Variable '$fi' has invalid value: Expected value of type 'Filter' not to include unknown field 'colour'. Did you mean 'color'? Found: {'colour': 'RED'}.","locations":[{"line":1,"column":109}]}]}"#),
        ("input object unknown field no suggestion", #"{"ii":1,"fi":{"zzzzzz":1}}"#, #"{"errors":[{"message":"Variable '$fi' has invalid value: Expected value of type 'Filter' not to include unknown field 'zzzzzz', found: {'zzzzzz': 1}.","locations":[{"line":1,"column":109}]}]}"#),
        ("input object missing required nested", #"{"ii":1,"fi":{"nested":{}}}"#, #"{"errors":[{"message":"Variable '$fi' has invalid value at .nested: Expected value of type 'Inner' to include required field 'a', found: {}.","locations":[{"line":1,"column":109}]}]}"#),
        ("input object nested bad", #"{"ii":1,"fi":{"nested":{"a":"x"},"tags":[null]}}"#, #"{"errors":[{"message":"Variable '$fi' has invalid value at .tags[0]: Expected value of non-null type 'String!' not to be None.","locations":[{"line":1,"column":109}]},{"message":"Variable '$fi' has invalid value at .nested.a: Int cannot represent non-integer value: 'x'","locations":[{"line":1,"column":109}]}]}"#),
        ("one of two fields", #"{"ii":1,"p":{"a":1,"b":"x"}}"#, #"{"errors":[{"message":"Variable '$p' has invalid value: Within OneOf Input Object type 'Pick', exactly one field must be specified, and the value for that field must be non-null.","locations":[{"line":1,"column":122}]}]}"#),
        ("one of null field", #"{"ii":1,"p":{"a":null}}"#, #"{"errors":[{"message":"Variable '$p' has invalid value at .a: Within OneOf Input Object type 'Pick', exactly one field must be specified, and the value for that field must be non-null.","locations":[{"line":1,"column":122}]}]}"#),
        ("one of empty", #"{"ii":1,"p":{}}"#, #"{"errors":[{"message":"Variable '$p' has invalid value: Within OneOf Input Object type 'Pick', exactly one field must be specified, and the value for that field must be non-null.","locations":[{"line":1,"column":122}]}]}"#),
        ("many errors in order", #"{"i":"x","s":1,"c":"Z"}"#, #"{"errors":[{"message":"Variable '$i' has invalid value: Int cannot represent non-integer value: 'x'","locations":[{"line":1,"column":7}]},{"message":"Variable '$ii' has invalid value: Expected a value of non-null type 'Int!' to be provided.","locations":[{"line":1,"column":16}]},{"message":"Variable '$s' has invalid value: String cannot represent a non string value: 1","locations":[{"line":1,"column":38}]},{"message":"Variable '$c' has invalid value: Value 'Z' does not exist in 'Color' enum.","locations":[{"line":1,"column":72}]}]}"#),
        ("long string is truncated", #"{"ii":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#, #"{"errors":[{"message":"Variable '$ii' has invalid value: Int cannot represent non-integer value: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'","locations":[{"line":1,"column":16}]}]}"#),
    ]

    func testAgainstGraphQLCore() async throws {
        let schema = try buildSchema(Source(Self.sdl))
        var resolvers = Resolvers()
        resolvers.sync("Query.echo") { _, args, _, _ in .string(JSON.object(args).encodedString()) }
        let document = try parseDocument(Source(Self.document))
        for (name, variables, expected) in Self.cases {
            guard case .object(let vars) = try JSON.parse(variables) else { return XCTFail(name) }
            let result = await execute(schema: schema, document: document, variables: vars, resolvers: resolvers)
            XCTAssertEqual(result.encodedString(), expected, name)
        }
    }

    static let argumentSDL = #"""
enum Color { RED GREEN BLUE }
input Inner { a: Int!, b: String = "bee" }
input Pick @oneOf { a: Int, b: String }
type Query { echo(i: Int, ii: Int!, c: Color, l: [Int!], in: Inner, p: Pick, f: Float, id: ID, b: Boolean, s: String): String }
"""#

    /// (name, document, variables, expected response) — arguments coerced without validation.
    static let argumentCases: [(String, String, String?, String)] = [
        ("int too large", #"{ echo(ii: 2147483648) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'ii' has invalid value: Int cannot represent non 32-bit signed integer value: 2147483648","locations":[{"line":1,"column":12}],"path":["echo"]}]}"#),
        ("int from float", #"{ echo(ii: 1.5) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'ii' has invalid value: Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":12}],"path":["echo"]}]}"#),
        ("enum unknown", #"{ echo(ii: 1, c: REED) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'c' has invalid value: Value 'REED' does not exist in 'Color' enum. Did you mean the enum value 'RED' or 'GREEN'?","locations":[{"line":1,"column":18}],"path":["echo"]}]}"#),
        ("enum from string", #"{ echo(ii: 1, c: "RED") }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'c' has invalid value: Enum 'Color' cannot represent non-enum value: \"RED\". Did you mean the enum value 'RED' or 'GREEN'?","locations":[{"line":1,"column":18}],"path":["echo"]}]}"#),
        ("null for non-null", #"{ echo(ii: null) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'ii' has invalid value: Expected value of non-null type 'Int!' not to be None.","locations":[{"line":1,"column":12}],"path":["echo"]}]}"#),
        ("list item null", #"{ echo(ii: 1, l: [1, null]) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'l' has invalid value at [1]: Expected value of non-null type 'Int!' not to be None.","locations":[{"line":1,"column":22}],"path":["echo"]}]}"#),
        ("input object missing field", #"{ echo(ii: 1, in: {b: "x"}) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'in' has invalid value: Expected value of type 'Inner' to include required field 'a', found: { b: \"x\" }.","locations":[{"line":1,"column":19}],"path":["echo"]}]}"#),
        ("input object unknown field", #"{ echo(ii: 1, in: {a: 1, c: 2}) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'in' has invalid value: Expected value of type 'Inner' not to include unknown field 'c'. Did you mean 'a' or 'b'? Found: { a: 1, c: 2 }.","locations":[{"line":1,"column":26}],"path":["echo"]}]}"#),
        ("input object not object", #"{ echo(ii: 1, in: 3) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'in' has invalid value: Expected value of type 'Inner' to be an object, found: 3.","locations":[{"line":1,"column":19}],"path":["echo"]}]}"#),
        ("one of two", #"{ echo(ii: 1, p: {a: 1, b: "x"}) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'p' has invalid value: Within OneOf Input Object type 'Pick', exactly one field must be specified, and the value for that field must be non-null.","locations":[{"line":1,"column":18}],"path":["echo"]}]}"#),
        ("one of null", #"{ echo(ii: 1, p: {a: null}) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'p' has invalid value at .a: Within OneOf Input Object type 'Pick', exactly one field must be specified, and the value for that field must be non-null.","locations":[{"line":1,"column":18}],"path":["echo"]}]}"#),
        ("one of variable missing", #"query($v: Int) { echo(ii: 1, p: {a: $v}) }"#, #"{}"#, #"{"data":{"echo":null},"errors":[{"message":"Argument 'p' has invalid value: Expected variable '$v' provided to field 'a' for OneOf Input Object type 'Pick' to provide a runtime value.","locations":[{"line":1,"column":33}],"path":["echo"]}]}"#),
        ("required variable missing", #"query($v: Int) { echo(ii: $v) }"#, #"{}"#, #"{"data":{"echo":null},"errors":[{"message":"Argument 'ii' has invalid value: Expected variable '$v' provided to type 'Int!' to provide a runtime value.","locations":[{"line":1,"column":27}],"path":["echo"]}]}"#),
        ("required variable null", #"query($v: Int) { echo(ii: $v) }"#, #"{"v": null}"#, #"{"data":{"echo":null},"errors":[{"message":"Argument 'ii' has invalid value: Expected variable '$v' provided to non-null type 'Int!' not to be None.","locations":[{"line":1,"column":27}],"path":["echo"]}]}"#),
        ("float from string", #"{ echo(ii: 1, f: "1") }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'f' has invalid value: Float cannot represent non numeric value: \"1\"","locations":[{"line":1,"column":18}],"path":["echo"]}]}"#),
        ("id from float", #"{ echo(ii: 1, id: 1.5) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'id' has invalid value: ID cannot represent a non-string and non-integer value: 1.5","locations":[{"line":1,"column":19}],"path":["echo"]}]}"#),
        ("boolean from int", #"{ echo(ii: 1, b: 1) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 'b' has invalid value: Boolean cannot represent a non boolean value: 1","locations":[{"line":1,"column":18}],"path":["echo"]}]}"#),
        ("string from enum", #"{ echo(ii: 1, s: RED) }"#, nil, #"{"data":{"echo":null},"errors":[{"message":"Argument 's' has invalid value: String cannot represent a non string value: RED","locations":[{"line":1,"column":18}],"path":["echo"]}]}"#),
    ]

    func testArgumentCoercionAgainstGraphQLCore() async throws {
        let schema = try buildSchema(Source(Self.argumentSDL))
        var resolvers = Resolvers()
        resolvers.sync("Query.echo") { _, args, _, _ in .string(JSON.object(args).encodedString()) }
        for (name, query, variables, expected) in Self.argumentCases {
            var vars = JSONObject()
            if let variables, case .object(let o) = try JSON.parse(variables) { vars = o }
            let result = await execute(
                schema: schema, document: try parseDocument(Source(query)), variables: vars, resolvers: resolvers)
            XCTAssertEqual(result.encodedString(), expected, name)
        }
    }

    func testDefaultsAbsentAndNull() throws {
        let schema = try buildSchema(Source(Self.sdl))
        let document = try parseDocument(
            Source(#"query($a: Int = 3, $b: String, $c: Color = GREEN, $d: Filter = {limit: 2}, $e: Int = 5) { echo(ii: 1) }"#))
        guard case .operation(let operation) = document.definitions[0] else { return XCTFail() }
        let result = coerceVariableValues(schema: schema, operation: operation, inputs: ["e": .null], source: document.source)
        guard case .success(let values) = result else { return XCTFail("\(result)") }
        // $b is absent and nullable: left out, so an argument it feeds keeps its own default.
        XCTAssertEqual(
            JSON.object(values).encodedString(), #"{"a":3,"c":"GREEN","d":{"limit":2},"e":null}"#)
    }

    func testInspectPrintsLikePython() {
        let cases: [(JSON, String)] = [
            (.string("it's"), #""it's""#),
            (.string("a\nb"), #"'a\nb'"#),
            (.double(1e20), "1e+20"),
            (.double(1.0), "1.0"),
            (.double(0.0001), "0.0001"),
            (.double(1e-5), "1e-05"),
            (.array([.array([.array([.int(1)])])]), "[[[...]]]"),
            (.array((0..<12).map { .int($0) }), "[0, 1, 2, 3, 4, ..., 8, 9, 10, 11]"),
            (.object([:]), "{}"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(inspect(value), expected)
        }
    }
}
