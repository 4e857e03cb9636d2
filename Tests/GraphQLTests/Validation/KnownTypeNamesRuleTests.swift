import XCTest
@testable import GraphQL

/// Known type names in variables, fragments and type-system definitions.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class KnownTypeNamesRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(KnownTypeNamesRule.self, [
            RuleCase(
                "known type names are valid",
                """
                query Foo(
                  $var: String
                  $required: [Int!]!
                  $introspectionType: __EnumValue
                ) {
                  user(id: 4) {
                    pets { ... on Pet { name }, ...PetFields, ... { name } }
                  }
                }

                fragment PetFields on Pet {
                  name
                }
                """,
                []),
            RuleCase(
                "unknown type names are invalid",
                """
                query Foo($var: [JumbledUpLetters!]!) {
                  user(id: 4) {
                    name
                    pets { ... on Badger { name }, ...PetFields }
                  }
                }
                fragment PetFields on Peat {
                  name
                }
                """,
                [
                    ("Unknown type 'JumbledUpLetters'.", [(1, 18)]),
                    ("Unknown type 'Badger'.", [(4, 19)]),
                    ("Unknown type 'Peat'. Did you mean 'Pet' or 'Cat'?", [(7, 23)]),
                ]),
            RuleCase(
                "references to standard scalars that are missing in schema",
                """
                query ($id: ID, $float: Float, $int: Int) {
                  __typename
                }
                """,
                []),
            RuleCase(
                "suggestions come closest first",
                """
                query ($a: Dogg, $b: being, $c: Huma, $d: ComplexInpt, $e: __Typ) { __typename }
                """,
                [
                    ("Unknown type 'Dogg'. Did you mean 'Dog'?", [(1, 12)]),
                    ("Unknown type 'being'. Did you mean 'Being', 'Int', or 'String'?", [(1, 22)]),
                    ("Unknown type 'Huma'. Did you mean 'Human'?", [(1, 33)]),
                    ("Unknown type 'ComplexInpt'. Did you mean 'ComplexInput'?", [(1, 43)]),
                    ("Unknown type '__Typ'. Did you mean '__Type'?", [(1, 60)]),
                ]),
            RuleCase(
                "type definitions in an executable document are checked too",
                """
                query ($a: Foo) { __typename }
                type Foo implements Beeing { field(arg: Strin): Dgo }
                union U = Catt | Dog
                input I { f: [Floatt!] }
                scalar Foo2
                extend type Dog implements Intelligant
                directive @d(arg: Bolean) on FIELD
                schema { query: Quer }
                fragment F on Fooo { __typename }
                extend schema { mutation: Foo2 }
                """,
                [
                    ("Unknown type 'Beeing'. Did you mean 'Being' or 'String'?", [(2, 21)]),
                    ("Unknown type 'Strin'. Did you mean 'String'?", [(2, 41)]),
                    ("Unknown type 'Dgo'. Did you mean 'Dog' or 'Foo'?", [(2, 49)]),
                    ("Unknown type 'Catt'. Did you mean 'Cat'?", [(3, 11)]),
                    ("Unknown type 'Floatt'. Did you mean 'Float'?", [(4, 15)]),
                    ("Unknown type 'Intelligant'. Did you mean 'Intelligent'?", [(6, 28)]),
                    ("Unknown type 'Bolean'. Did you mean 'Boolean'?", [(7, 19)]),
                    ("Unknown type 'Quer'.", [(8, 17)]),
                    ("Unknown type 'Fooo'. Did you mean 'Foo' or 'Foo2'?", [(9, 15)]),
                ]),
            RuleCase(
                "standard types are known in type definitions only",
                """
                query ($a: __Schema, $b: __Type) { __typename }
                type T { f: __Schema, g: Int }
                """,
                []),
        ])
    }

    func testValidationSchemaWithFewScalars() throws {
        let schema = try ValidationTestSchema.build(
            """
            type Query { foo: String }
            """)
        try assertRule(KnownTypeNamesRule.self, schema: schema, [
            RuleCase(
                "standard scalars missing from the schema are unknown",
                """
                query ($id: ID, $float: Float, $int: Int) {
                  __typename
                }
                """,
                [
                    ("Unknown type 'ID'.", [(1, 13)]),
                    ("Unknown type 'Float'.", [(1, 25)]),
                    ("Unknown type 'Int'.", [(1, 38)]),
                ]),
            RuleCase(
                "but allowed in type definitions",
                """
                query ($x: Int) { foo }
                type T { id: ID, f: Float, i: Int, b: Boolean }
                """,
                [
                    ("Unknown type 'Int'. Did you mean 'T'?", [(1, 12)]),
                ]),
        ])
    }
}
