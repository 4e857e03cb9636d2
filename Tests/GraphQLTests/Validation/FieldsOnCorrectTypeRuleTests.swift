import XCTest
@testable import GraphQL

/// Field Selections on the parent type, with type and field suggestions.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class FieldsOnCorrectTypeRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(FieldsOnCorrectTypeRule.self, [
            RuleCase(
                "object field selection",
                """
                fragment objectFieldSelection on Dog {
                  __typename
                  name
                }
                """,
                []),
            RuleCase(
                "aliased object field selection",
                """
                fragment aliasedObjectFieldSelection on Dog {
                  tn : __typename
                  otherName : name
                }
                """,
                []),
            RuleCase(
                "interface field selection",
                """
                fragment interfaceFieldSelection on Pet {
                  __typename
                  name
                }
                """,
                []),
            RuleCase(
                "lying alias selection",
                """
                fragment lyingAliasSelection on Dog {
                  name : nickname
                }
                """,
                []),
            RuleCase(
                "ignores fields on unknown type",
                """
                fragment unknownSelection on UnknownType {
                  unknownField
                }
                """,
                []),
            RuleCase(
                "reports errors when type is known again",
                """
                fragment typeKnownAgain on Pet {
                  unknown_pet_field {
                    ... on Cat {
                      unknown_cat_field
                    }
                  }
                }
                """,
                [
                    ("Cannot query field 'unknown_pet_field' on type 'Pet'.", [(2, 3)]),
                    ("Cannot query field 'unknown_cat_field' on type 'Cat'.", [(4, 7)]),
                ]),
            RuleCase(
                "field not defined on fragment",
                """
                fragment fieldNotDefined on Dog {
                  meowVolume
                }
                """,
                [
                    ("Cannot query field 'meowVolume' on type 'Dog'. Did you mean 'barkVolume'?", [(2, 3)]),
                ]),
            RuleCase(
                "ignores deeply unknown field",
                """
                fragment deepFieldNotDefined on Dog {
                  unknown_field {
                    deeper_unknown_field
                  }
                }
                """,
                [
                    ("Cannot query field 'unknown_field' on type 'Dog'.", [(2, 3)]),
                ]),
            RuleCase(
                "sub-field not defined",
                """
                fragment subFieldNotDefined on Human {
                  pets {
                    unknown_field
                  }
                }
                """,
                [
                    ("Cannot query field 'unknown_field' on type 'Pet'.", [(3, 5)]),
                ]),
            RuleCase(
                "field not defined on inline fragment",
                """
                fragment fieldNotDefined on Pet {
                  ... on Dog {
                    meowVolume
                  }
                }
                """,
                [
                    ("Cannot query field 'meowVolume' on type 'Dog'. Did you mean 'barkVolume'?", [(3, 5)]),
                ]),
            RuleCase(
                "aliased field target not defined",
                """
                fragment aliasedFieldTargetNotDefined on Dog {
                  volume : mooVolume
                }
                """,
                [
                    ("Cannot query field 'mooVolume' on type 'Dog'. Did you mean 'barkVolume'?", [(2, 3)]),
                ]),
            RuleCase(
                "aliased lying field target not defined",
                """
                fragment aliasedLyingFieldTargetNotDefined on Dog {
                  barkVolume : kawVolume
                }
                """,
                [
                    ("Cannot query field 'kawVolume' on type 'Dog'. Did you mean 'barkVolume'?", [(2, 3)]),
                ]),
            RuleCase(
                "not defined on interface",
                """
                fragment notDefinedOnInterface on Pet {
                  tailLength
                }
                """,
                [
                    ("Cannot query field 'tailLength' on type 'Pet'.", [(2, 3)]),
                ]),
            RuleCase(
                "defined on implementors but not on interface",
                """
                fragment definedOnImplementorsButNotInterface on Pet {
                  nickname
                }
                """,
                [
                    ("Cannot query field 'nickname' on type 'Pet'. Did you mean to use an inline fragment on 'Cat' or 'Dog'?", [(2, 3)]),
                ]),
            RuleCase(
                "meta field selection on union",
                """
                fragment directFieldSelectionOnUnion on CatOrDog {
                  __typename
                }
                """,
                []),
            RuleCase(
                "direct field selection on union",
                """
                fragment directFieldSelectionOnUnion on CatOrDog {
                  directField
                }
                """,
                [
                    ("Cannot query field 'directField' on type 'CatOrDog'.", [(2, 3)]),
                ]),
            RuleCase(
                "defined on implementors queried on union",
                """
                fragment definedOnImplementorsQueriedOnUnion on CatOrDog {
                  name
                }
                """,
                [
                    ("Cannot query field 'name' on type 'CatOrDog'. Did you mean to use an inline fragment on 'Being', 'Pet', 'Canine', 'Cat', or 'Dog'?", [(2, 3)]),
                ]),
            RuleCase(
                "interface field on a union of objects implementing it",
                """
                {
                  humanOrAlien { iq name numEyes }
                  dogOrHuman { name mother iq }
                  being { iq mother nickname }
                }
                """,
                [
                    ("Cannot query field 'iq' on type 'HumanOrAlien'. Did you mean to use an inline fragment on 'Intelligent', 'Alien', or 'Human'?", [(2, 18)]),
                    ("Cannot query field 'name' on type 'HumanOrAlien'. Did you mean to use an inline fragment on 'Being', 'Alien', or 'Human'?", [(2, 21)]),
                    ("Cannot query field 'numEyes' on type 'HumanOrAlien'. Did you mean to use an inline fragment on 'Alien'?", [(2, 26)]),
                    ("Cannot query field 'name' on type 'DogOrHuman'. Did you mean to use an inline fragment on 'Being', 'Canine', 'Human', 'Pet', or 'Dog'?", [(3, 16)]),
                    ("Cannot query field 'mother' on type 'DogOrHuman'. Did you mean to use an inline fragment on 'Mammal', 'Canine', or 'Dog'?", [(3, 21)]),
                    ("Cannot query field 'iq' on type 'DogOrHuman'. Did you mean to use an inline fragment on 'Intelligent' or 'Human'?", [(3, 28)]),
                    ("Cannot query field 'iq' on type 'Being'. Did you mean to use an inline fragment on 'Intelligent', 'Alien', or 'Human'?", [(4, 11)]),
                    ("Cannot query field 'mother' on type 'Being'. Did you mean to use an inline fragment on 'Mammal', 'Canine', or 'Dog'?", [(4, 14)]),
                    ("Cannot query field 'nickname' on type 'Being'. Did you mean to use an inline fragment on 'Cat' or 'Dog'?", [(4, 21)]),
                ]),
            RuleCase(
                "valid field in inline fragment",
                """
                fragment objectFieldSelection on Pet {
                  ... on Dog {
                    name
                  }
                  ... {
                    name
                  }
                }
                """,
                []),
            RuleCase(
                "schema and type meta fields only on the query type",
                """
                { __schema { queryType { name } } __type(name: "Dog") { name } }
                fragment F on Dog { __schema { queryType { name } } __type(name: "Dog") { name } }
                mutation { __schema { queryType { name } } }
                """,
                [
                    ("Cannot query field '__schema' on type 'Dog'.", [(2, 21)]),
                    ("Cannot query field '__type' on type 'Dog'.", [(2, 53)]),
                    ("Cannot query field '__schema' on type 'MutationRoot'.", [(3, 12)]),
                ]),
            RuleCase(
                "fields of introspection types",
                """
                { __schema { types { name fieldz kind ofType } } }
                """,
                [
                    ("Cannot query field 'fieldz' on type '__Type'. Did you mean 'fields'?", [(1, 27)]),
                ]),
        ])
    }

    func testValidationNoSuggestion() throws {
        let schema = try ValidationTestSchema.build(
            """
            type T {
              fieldWithVeryLongNameThatWillNeverBeSuggested: String
            }
            type Query { t: T }
            """)
        try assertRule(FieldsOnCorrectTypeRule.self, schema: schema, [
            RuleCase(
                "no suggestion",
                """
                { t { f } }
                """,
                [
                    ("Cannot query field 'f' on type 'T'.", [(1, 7)]),
                ]),
        ])
    }

    func testValidationSmallNumbersOfTypeSuggestions() throws {
        let schema = try ValidationTestSchema.build(
            """
            union T = A | B
            type Query { t: T }

            type A { f: String }
            type B { f: String }
            """)
        try assertRule(FieldsOnCorrectTypeRule.self, schema: schema, [
            RuleCase(
                "type suggestions",
                """
                { t { f } }
                """,
                [
                    ("Cannot query field 'f' on type 'T'. Did you mean to use an inline fragment on 'A' or 'B'?", [(1, 7)]),
                ]),
        ])
    }

    func testValidationSmallNumbersOfFieldSuggestions() throws {
        let schema = try ValidationTestSchema.build(
            """
            type T {
              z: String
              y: String
            }
            type Query { t: T }
            """)
        try assertRule(FieldsOnCorrectTypeRule.self, schema: schema, [
            RuleCase(
                "field suggestions",
                """
                { t { f } }
                """,
                [
                    ("Cannot query field 'f' on type 'T'. Did you mean 'y' or 'z'?", [(1, 7)]),
                ]),
        ])
    }

    func testValidationPrefersTypeSuggestions() throws {
        let schema = try ValidationTestSchema.build(
            """
            interface T {
              z: String
              y: String
            }
            type Query { t: T }

            type A implements T {
              f: String
              z: String
              y: String
            }
            type B implements T {
              f: String
              z: String
              y: String
            }
            """)
        try assertRule(FieldsOnCorrectTypeRule.self, schema: schema, [
            RuleCase(
                "only one set of suggestions, preferring types",
                """
                { t { f } }
                """,
                [
                    ("Cannot query field 'f' on type 'T'. Did you mean to use an inline fragment on 'A' or 'B'?", [(1, 7)]),
                ]),
        ])
    }

    func testValidationLimitsLotsOfTypeSuggestions() throws {
        let schema = try ValidationTestSchema.build(
            """
            union T = A | B | C | D | E | F
            type Query { t: T }

            type A { f: String }
            type B { f: String }
            type C { f: String }
            type D { f: String }
            type E { f: String }
            type F { f: String }
            """)
        try assertRule(FieldsOnCorrectTypeRule.self, schema: schema, [
            RuleCase(
                "at most five types",
                """
                { t { f } }
                """,
                [
                    ("Cannot query field 'f' on type 'T'. Did you mean to use an inline fragment on 'A', 'B', 'C', 'D', or 'E'?", [(1, 7)]),
                ]),
        ])
    }

    func testValidationLimitsLotsOfFieldSuggestions() throws {
        let schema = try ValidationTestSchema.build(
            """
            type T {
              z: String
              y: String
              x: String
              w: String
              v: String
              u: String
            }
            type Query { t: T }
            """)
        try assertRule(FieldsOnCorrectTypeRule.self, schema: schema, [
            RuleCase(
                "at most five fields",
                """
                { t { f } }
                """,
                [
                    ("Cannot query field 'f' on type 'T'. Did you mean 'u', 'v', 'w', 'x', or 'y'?", [(1, 7)]),
                ]),
        ])
    }

    func testValidationTypeSuggestionOrdering() throws {
        let schema = try ValidationTestSchema.build(
            """
            interface I1 { f: String }
            interface I2 implements I1 { f: String }
            interface J { g: String }
            type Z10 implements I1 & I2 { f: String }
            type Z9 implements I1 { f: String }
            type a2 { f: String }
            type A10 { f: String }
            type B implements J { f: String g: String }
            union U = Z10 | Z9 | a2 | A10 | B
            union V = B | a2 | A10
            type Query { u: U v: V j: J i1: I1 }
            """)
        try assertRule(FieldsOnCorrectTypeRule.self, schema: schema, [
            RuleCase(
                "most used first, super types before subtypes, then natural order",
                """
                { u { f g } v { f } j { f } i1 { g } }
                """,
                [
                    ("Cannot query field 'f' on type 'U'. Did you mean to use an inline fragment on 'I1', 'A10', 'B', 'I2', or 'Z9'?", [(1, 7)]),
                    ("Cannot query field 'g' on type 'U'. Did you mean to use an inline fragment on 'J' or 'B'?", [(1, 9)]),
                    ("Cannot query field 'f' on type 'V'. Did you mean to use an inline fragment on 'A10', 'B', or 'a2'?", [(1, 17)]),
                    ("Cannot query field 'f' on type 'J'. Did you mean to use an inline fragment on 'B'?", [(1, 25)]),
                    ("Cannot query field 'g' on type 'I1'. Did you mean 'f'?", [(1, 34)]),
                ]),
        ])
    }
}
