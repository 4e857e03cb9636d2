import XCTest

@testable import GraphQL

/// Invalid SDL documents and the errors graphql-core 3.3.2 reports for them: SDL
/// validation (`validate_sdl`) when it finds something, else `validate_schema`. Every
/// expectation was produced by graphql-core itself.
final class SchemaValidationTests: XCTestCase {
    struct E {
        let message: String
        let locations: [(Int, Int)]
        init(_ message: String, _ locations: [(Int, Int)]) {
            self.message = message
            self.locations = locations
        }
    }

    static let cases: [(sdl: String, errors: [E])] = [
        ("schema { query: Query } schema { query: Query } type Query { a: String }", [E("Must provide only one schema definition.", [(1, 25)]), E("There can be only one query type in schema.", [(1, 10), (1, 34)])]),
        ("schema { query: Query query: Query } type Query { a: String }", [E("There can be only one query type in schema.", [(1, 10), (1, 23)])]),
        ("type Query { a: String } type Query { b: String }", [E("There can be only one type named 'Query'.", [(1, 6), (1, 31)])]),
        ("enum E { A B A } type Query { e: E }", [E("Enum value 'E.A' can only be defined once.", [(1, 10), (1, 14)])]),
        ("type Query { a: String a: Int }", [E("Field 'Query.a' can only be defined once.", [(1, 14), (1, 24)])]),
        ("input I { a: Int a: Int } type Query { f(i: I): Int }", [E("Field 'I.a' can only be defined once.", [(1, 11), (1, 18)])]),
        ("type Query { f(a: Int, a: String): Int }", [E("Argument 'Query.f(a:)' can only be defined once.", [(1, 16), (1, 24)])]),
        ("directive @d(a: Int, a: Int) on FIELD type Query { a: String }", [E("Argument '@d(a:)' can only be defined once.", [(1, 14), (1, 22)])]),
        ("directive @d on FIELD directive @d on OBJECT type Query { a: String }", [E("There can be only one directive named '@d'.", [(1, 12), (1, 34)])]),
        ("type Query { a: Foo }", [E("Unknown type 'Foo'.", [(1, 17)])]),
        ("type Query { a: Strin }", [E("Unknown type 'Strin'. Did you mean 'String'?", [(1, 17)])]),
        ("type Query { a: String @unknown }", [E("Unknown directive '@unknown'.", [(1, 24)])]),
        ("type Query @deprecated { a: String }", [E("Directive '@deprecated' may not be used on object.", [(1, 12)])]),
        ("type Query { a: String @deprecated @deprecated }", [E("The directive '@deprecated' can only be used once at this location.", [(1, 24), (1, 36)])]),
        ("type Query { a: String } extend type Foo { b: Int }", [E("Cannot extend type 'Foo' because it is not defined.", [(1, 38)])]),
        ("type Query { a: String } extend type Quer { b: Int }", [E("Cannot extend type 'Quer' because it is not defined. Did you mean 'Query'?", [(1, 38)])]),
        ("type Query { a: String } extend input Query { b: Int }", [E("Cannot extend non-input object type 'Query'.", [(1, 1), (1, 26)])]),
        ("type Query { a: String @deprecated(reasn: \"x\") }", [E("Unknown argument 'reasn' on directive '@deprecated'. Did you mean 'reason'?", [(1, 36)])]),
        ("scalar S @specifiedBy type Query { s: S }", [E("Argument '@specifiedBy(url:)' of type 'String!' is required, but it was not provided.", [(1, 10)])]),
        ("type Query { a: String @deprecated(reason: \"a\", reason: \"b\") }", [E("There can be only one argument named 'reason'.", [(1, 36), (1, 49)])]),
        ("directive @d(a: In = {x: 1, x: 2}) on FIELD type Query { a: String }", [E("Unknown type 'In'. Did you mean 'ID' or 'Int'?", [(1, 17)]), E("There can be only one input field named 'x'.", [(1, 23), (1, 29)])]),
        ("type Query { a: String @skip(if: true) }", [E("Directive '@skip' may not be used on field definition.", [(1, 24)])]),
        ("enum E { A } extend enum E { A } type Query { e: E }", [E("Enum value 'E.A' can only be defined once.", [(1, 10), (1, 30)])]),
        ("type Query { a: String } extend type Query { a: Int }", [E("Field 'Query.a' can only be defined once.", [(1, 14), (1, 46)])]),
        ("type Foo { a: String }", [E("Query root type must be provided.", [])]),
        ("schema { query: Foo } interface Foo { a: String }", [E("Query root type must be Object type, it cannot be Foo.", [(1, 17)])]),
        ("schema { query: Query mutation: Query } type Query { a: String }", [E("All root types must be different, 'Query' type is used as query and mutation root types.", [(1, 17), (1, 33)])]),
        ("type Query { f(a: Message): String } type Message { id: ID }", [E("The type of Query.f(a:) must be Input Type but got: Message.", [(1, 19)])]),
        ("type Query { f: In } input In { a: Int }", [E("The type of Query.f must be Output Type but got: In.", [(1, 17)])]),
        ("input In { a: Query } type Query { f(i: In): Int }", [E("The type of In.a must be Input Type but got: Query.", [(1, 15)])]),
        ("type Query", [E("Type Query must define one or more fields.", [(1, 1)])]),
        ("type Query { a: String } enum E", [E("Enum type E must define one or more values.", [(1, 26)])]),
        ("type Query { a: String } input I", [E("Input Object type I must define one or more fields.", [(1, 26)])]),
        ("type Query { a: String } union U", [E("Union type U must define one or more member types.", [(1, 26)])]),
        ("type Query { __a: String }", [E("Name '__a' must not begin with '__', which is reserved by GraphQL introspection.", [(1, 14)])]),
        ("type __Foo { a: String } type Query { f: __Foo }", [E("Name '__Foo' must not begin with '__', which is reserved by GraphQL introspection.", [(1, 1)])]),
        ("type Query { a(__b: Int): String }", [E("Name '__b' must not begin with '__', which is reserved by GraphQL introspection.", [(1, 16)])]),
        ("interface I { a: String b(x: Int): Int } type Query implements I { a: String }", [E("Interface field I.b expected but Query does not provide it.", [(1, 25), (1, 42)])]),
        ("interface I { a: String } type Query implements I { a: Int }", [E("Interface field I.a expects type String but Query.a is type Int.", [(1, 18), (1, 56)])]),
        ("interface I { a(x: Int): String } type Query implements I { a: String }", [E("Interface field argument I.a(x:) expected but Query.a does not provide it.", [(1, 17), (1, 61)])]),
        ("interface I { a(x: Int): String } type Query implements I { a(x: String): String }", [E("Interface field argument I.a(x:) expects type Int but Query.a(x:) is type String.", [(1, 20), (1, 66)])]),
        ("interface I { a: String } type Query implements I { a(x: Int!): String }", [E("Argument 'Query.a(x:)' must not be required type 'Int!' if not provided by the Interface field 'I.a'.", [(1, 55), (1, 15)])]),
        ("interface I { a: String } type Query implements I { a: String @deprecated }", [E("Interface field I.a is not deprecated, so implementation field Query.a must not be deprecated.", [(1, 63), (1, 56)])]),
        ("interface A { a: String } interface B implements A { a: String } type Query implements B { a: String }", [E("Type Query must implement A because it is implemented by B.", [(1, 50), (1, 88)])]),
        ("interface A implements B { a: String } interface B implements A { a: String } type Query { a: A }", [E("Type A cannot implement B because it would create a circular reference.", [(1, 63), (1, 24)]), E("Type B cannot implement A because it would create a circular reference.", [(1, 24), (1, 63)])]),
        ("type Query implements Query { a: String }", [E("Type Query must only implement Interface types, it cannot implement Query.", [(1, 23)])]),
        ("interface I { a: String } type Query implements I & I { a: String }", [E("Type Query can only implement I once.", [(1, 49), (1, 53)])]),
        ("union U = Query | String type Query { u: U }", [E("Union type U can only include Object types, it cannot include String.", [(1, 19)])]),
        ("union U = Query | Query type Query { u: U }", [E("Union type U can only include type Query once.", [(1, 11), (1, 19)])]),
        ("type Query { a(x: Int! @deprecated): String }", [E("Required argument Query.a(x:) cannot be deprecated.", [(1, 24), (1, 19)])]),
        ("input I { a: Int! @deprecated } type Query { f(i: I): Int }", [E("Required input field I.a cannot be deprecated.", [(1, 19), (1, 14)])]),
        ("input I @oneOf { a: Int! b: Int = 3 } type Query { f(i: I): Int }", [E("OneOf input field I.a must be nullable.", [(1, 21)]), E("OneOf input field I.b cannot have a default value.", [(1, 26)])]),
        ("input A { b: B! } input B { a: A! } type Query { f(a: A): Int }", [E("Input Object A cannot be provided a finite value because it references itself through fields: A.b, B.a.", [(1, 11), (1, 29)])]),
        ("input A { a: A! } type Query { f(a: A): Int }", [E("Input Object A cannot be provided a finite value because it references itself through fields: A.a.", [(1, 11)])]),
        ("directive @__d on FIELD type Query { a: String }", [E("Name '__d' must not begin with '__', which is reserved by GraphQL introspection.", [(1, 1)])]),
        ("directive @d(a: Query) on FIELD type Query { a: String }", [E("The type of @d(a:) must be Input Type but got: Query.", [(1, 14)])]),
        ("schema { query: Q } type Query { a: String }", [E("Unknown type 'Q'.", [(1, 17)])]),
        ("interface Node { id: ID! } type User implements Node { id: ID } type Query { u: User }", [E("Interface field Node.id expects type ID! but User.id is type ID.", [(1, 22), (1, 60)])]),
        ("interface Node { ids: [ID!] } type User implements Node { ids: [ID] } type Query { u: User }", [E("Interface field Node.ids expects type [ID!] but User.ids is type [ID].", [(1, 23), (1, 64)])]),
        ("interface I { a: [String] } type Query implements I { a: String! }", [E("Interface field I.a expects type [String] but Query.a is type String!.", [(1, 18), (1, 58)])]),
        ("type Query { a: String } extend schema @foo", [E("Unknown directive '@foo'.", [(1, 40)])]),
        ("directive @a @deprecated @deprecated on FIELD type Query { a: String }", [E("The directive '@deprecated' can only be used once at this location.", [(1, 14), (1, 26)])]),
        ("directive @a on FIELD extend directive @a @skip(if: true) type Query { a: String }", [E("Directive '@skip' may not be used on directive definition.", [(1, 43)])]),
        ("type Query { a: String } query Q($x: String) { a(b: 1, b: 2) @foo }", [E("Unknown type 'String'.", [(1, 38)]), E("There can be only one argument named 'b'.", [(1, 50), (1, 56)]), E("Unknown directive '@foo'.", [(1, 62)])]),
        ("input I @oneOf { a: I } type Query { f(i: I): Int }", [E("Input Object I cannot be provided a finite value because it references itself through fields: I.a.", [(1, 18)])]),
        ("interface I implements I { a: String } type Query implements I { a: String }", [E("Type I cannot implement itself because it would create a circular reference.", [(1, 24)])]),
        ("type Query { a: String } extend scalar Query @specifiedBy(url: \"x\")", [E("Cannot extend non-scalar type 'Query'.", [(1, 1), (1, 26)])]),
        ("\"desc\" type Query { a: String } extend union Query = Query", [E("Cannot extend non-union type 'Query'.", [(1, 1), (1, 33)])]),
        ("type Query { a: String } type Mutation { b: String } schema { query: Query subscription: Mutation mutation: Mutation }", [E("All root types must be different, 'Mutation' type is used as mutation and subscription root types.", [(1, 109), (1, 90)])]),
        ("union U = Query | I interface I { a: String } type Query { u: U, a: String }", [E("Union type U can only include Object types, it cannot include I.", [(1, 19)])]),
        ("interface I { a: String } type Query implements I { a: String } extend type Query implements I { b: Int }", [E("Type Query can only implement I once.", [(1, 49), (1, 94)])]),
        ("input A { b: [B!]! c: A } input B { a: A! } type Query { f(a: A): Int }", []),
    ]

    /// validate_schema's default-value checks: each default coerces to its type, and no
    /// input object field's default comes back to itself through the defaults of the
    /// fields it leaves out.
    static let defaultValueCases: [(sdl: String, errors: [E])] = [
        ("type Query { f(a: Int = \"x\"): Int }", [E("Query.f(a:) has invalid default value: Int cannot represent non-integer value: \"x\"", [(1, 25)])]),
        ("input I { a: Int = true } type Query { f(i: I): Int }", [E("I.a has invalid default value: Int cannot represent non-integer value: true", [(1, 20)])]),
        ("directive @d(a: Int = \"x\") on FIELD type Query { f: Int }", [E("@d(a:) has invalid default value: Int cannot represent non-integer value: \"x\"", [(1, 23)])]),
        ("input I { a: [Int] = [1, \"x\", 2.5] } type Query { f(i: I): Int }", [E("I.a has invalid default value at [1]: Int cannot represent non-integer value: \"x\"", [(1, 26)]), E("I.a has invalid default value at [2]: Int cannot represent non-integer value: 2.5", [(1, 31)])]),
        ("input I { a: Int! } type Query { f(i: I = {}): Int }", [E("Query.f(i:) has invalid default value: Expected value of type 'I' to include required field 'a', found: {  }.", [(1, 43)])]),
        ("enum E { A } type Query { f(e: E = B): Int }", [E("Query.f(e:) has invalid default value: Value 'B' does not exist in 'E' enum. Did you mean the enum value 'A'?", [(1, 36)])]),
        ("enum E { A } type Query { f(e: E = \"A\"): Int }", [E("Query.f(e:) has invalid default value: Enum 'E' cannot represent non-enum value: \"A\". Did you mean the enum value 'A'?", [(1, 36)])]),
        ("type Query { f(a: Int! = null): Int }", [E("Query.f(a:) has invalid default value: Expected value of non-null type 'Int!' not to be None.", [(1, 26)])]),
        ("type Query { f(a: [Int!] = [1, null]): Int }", [E("Query.f(a:) has invalid default value at [1]: Expected value of non-null type 'Int!' not to be None.", [(1, 32)])]),
        ("type Query { f(a: Int = [1]): Int }", [E("Query.f(a:) has invalid default value: Int cannot represent non-integer value: [1]", [])]),
        ("type Query { f(a: Int = {x: 1}): Int }", [E("Query.f(a:) has invalid default value: Int cannot represent non-integer value: { x: 1 }", [])]),
        ("type Query { f(a: Int = 2147483648, b: Float = \"1\", c: ID = 1.5, d: Boolean = 0, e: String = FOO): Int }", [E("Query.f(a:) has invalid default value: Int cannot represent non 32-bit signed integer value: 2147483648", [(1, 25)]), E("Query.f(b:) has invalid default value: Float cannot represent non numeric value: \"1\"", [(1, 48)]), E("Query.f(c:) has invalid default value: ID cannot represent a non-string and non-integer value: 1.5", [(1, 61)]), E("Query.f(d:) has invalid default value: Boolean cannot represent a non boolean value: 0", [(1, 79)]), E("Query.f(e:) has invalid default value: String cannot represent a non string value: FOO", [(1, 94)])]),
        ("input I { a: Int b: I2 } input I2 { c: String! } type Query { f(i: [I] = [{a: 1, b: {}}, {x: 1}, {a: \"2\", aa: 3}]): Int }", [E("Query.f(i:) has invalid default value at [0].b: Expected value of type 'I2' to include required field 'c', found: {  }.", [(1, 85)]), E("Query.f(i:) has invalid default value at [1]: Expected value of type 'I' not to include unknown field 'x'. Did you mean 'a' or 'b'? Found: { x: 1 }.", [(1, 91)]), E("Query.f(i:) has invalid default value at [2].a: Int cannot represent non-integer value: \"2\"", [(1, 102)]), E("Query.f(i:) has invalid default value at [2]: Expected value of type 'I' not to include unknown field 'aa'. Did you mean 'a'? Found: { a: \"2\", aa: 3 }.", [(1, 107)])]),
        ("input I { a: Int } type Query { f(i: I = 1): Int }", [E("Query.f(i:) has invalid default value: Expected value of type 'I' to be an object, found: 1.", [(1, 42)])]),
        ("input P @oneOf { a: Int b: Int } type Query { f(p: P = {a: 1, b: 2}, q: P = {a: null}): Int }", [E("Query.f(p:) has invalid default value: Within OneOf Input Object type 'P', exactly one field must be specified, and the value for that field must be non-null.", [(1, 56)]), E("Query.f(q:) has invalid default value at .a: Within OneOf Input Object type 'P', exactly one field must be specified, and the value for that field must be non-null.", [(1, 77)])]),
        ("scalar S enum E { A } input I { a: Int = 1 b: I2 = {c: \"x\"} } input I2 { c: String } type Query { f(a: [Int] = 1, b: Float = 1, c: ID = 1, e: E = A, i: I = {a: 1}, s: S = {any: [1, \"x\"]}, l: [[Int]] = [[1], 2]): Int }", []),
        ("input A { b: B = {} } input B { a: A = {} } type Query { f(a: A): Int }", [E("Invalid circular reference. The default value of Input Object field A.b references itself via the default values of: B.a.", [(1, 18), (1, 40)])]),
        ("input A { a: A = {} } type Query { f(a: A): Int }", [E("Invalid circular reference. The default value of Input Object field A.a references itself.", [(1, 18)])]),
        ("input A { a: [A] = [{}] } type Query { f(a: A): Int }", [E("Invalid circular reference. The default value of Input Object field A.a references itself.", [(1, 20)])]),
        ("input A { a: A = { a: null } } type Query { f(a: A): Int }", []),
        ("input A { x: B = { y: { z: {} } } } input B { y: C } input C { z: A = {} } type Query { f(a: A): Int }", [E("Invalid circular reference. The default value of Input Object field A.x references itself.", [(1, 18)])]),
        ("input A { b: B = {} c: C = {} } input B { c: C = {} } input C { a: A = {} } type Query { f(a: A): Int }", [E("Invalid circular reference. The default value of Input Object field A.b references itself via the default values of: B.c, C.a.", [(1, 18), (1, 50), (1, 72)]), E("Invalid circular reference. The default value of Input Object field C.a references itself via the default values of: A.c.", [(1, 72), (1, 28)])]),
        ("input A { x: Int = \"no\" y: A = {} z: A! } directive @d(a: A = {x: 1}) on FIELD type Query { f(a: A = {z: {z: null}}): Int }", [E("@d(a:) has invalid default value: Expected value of type 'A' to include required field 'z', found: { x: 1 }.", [(1, 63)]), E("A.x has invalid default value: Int cannot represent non-integer value: \"no\"", [(1, 20)]), E("A.y has invalid default value: Expected value of type 'A' to include required field 'z', found: {  }.", [(1, 32)]), E("Invalid circular reference. The default value of Input Object field A.y references itself.", [(1, 32)]), E("Query.f(a:) has invalid default value at .z.z: Expected value of non-null type 'A!' not to be None.", [(1, 110)]), E("Input Object A cannot be provided a finite value because it references itself through fields: A.z.", [(1, 35)])]),
    ]

    func testInvalidSchemasReportGraphQLCoreErrors() {
        check(Self.cases)
    }

    func testInvalidDefaultValuesReportGraphQLCoreErrors() {
        check(Self.defaultValueCases)
    }

    private func check(_ cases: [(sdl: String, errors: [E])]) {
        for (sdl, expected) in cases {
            do {
                _ = try buildSchema(Source(sdl))
                // graphql-core accepts a few near misses (a list breaks an input cycle).
                if !expected.isEmpty { XCTFail("expected errors for: \(sdl)") }
            } catch {
                let got = error.errors.map { e in
                    "\(e.message) \(e.locations.map { "\($0.line):\($0.column)" })"
                }
                let want = expected.map { e in
                    "\(e.message) \(e.locations.map { "\($0.0):\($0.1)" })"
                }
                XCTAssertEqual(got, want, sdl)
            }
        }
    }

    func testSyntaxErrorPassesThroughAsOneError() {
        XCTAssertThrowsError(try buildSchema(Source("type Query {"))) { error in
            guard let errors = error as? GraphQLErrors else { return XCTFail("\(error)") }
            XCTAssertEqual(errors.errors.count, 1)
            XCTAssertTrue(errors.errors[0].message.hasPrefix("Syntax Error:"), errors.errors[0].message)
        }
    }

    func testAllErrorsAreCollected() throws {
        let sdl = "type Query { a: Foo b: Bar @nope }"
        XCTAssertThrowsError(try buildSchema(Source(sdl))) { error in
            let messages = (error as! GraphQLErrors).errors.map(\.message)
            XCTAssertEqual(messages, ["Unknown type 'Foo'.", "Unknown type 'Bar'.", "Unknown directive '@nope'."])
        }
    }
}
