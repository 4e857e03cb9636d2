import XCTest
@testable import GraphQL

/// Fragment Spread Is Possible.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class PossibleFragmentSpreadsRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(PossibleFragmentSpreadsRule.self, [
            RuleCase(
                "of the same object",
                """
                fragment objectWithinObject on Dog { ...dogFragment }
                fragment dogFragment on Dog { barkVolume }
                """,
                []),
            RuleCase(
                "of the same object with inline fragment",
                """
                fragment objectWithinObjectAnon on Dog { ... on Dog { barkVolume } }
                """,
                []),
            RuleCase(
                "object into an implemented interface",
                """
                fragment objectWithinInterface on Pet { ...dogFragment }
                fragment dogFragment on Dog { barkVolume }
                """,
                []),
            RuleCase(
                "object into containing union",
                """
                fragment objectWithinUnion on CatOrDog { ...dogFragment }
                fragment dogFragment on Dog { barkVolume }
                """,
                []),
            RuleCase(
                "union into contained object",
                """
                fragment unionWithinObject on Dog { ...catOrDogFragment }
                fragment catOrDogFragment on CatOrDog { __typename }
                """,
                []),
            RuleCase(
                "union into overlapping interface",
                """
                fragment unionWithinInterface on Pet { ...catOrDogFragment }
                fragment catOrDogFragment on CatOrDog { __typename }
                """,
                []),
            RuleCase(
                "union into overlapping union",
                """
                fragment unionWithinUnion on DogOrHuman { ...catOrDogFragment }
                fragment catOrDogFragment on CatOrDog { __typename }
                """,
                []),
            RuleCase(
                "interface into implemented object",
                """
                fragment interfaceWithinObject on Dog { ...petFragment }
                fragment petFragment on Pet { name }
                """,
                []),
            RuleCase(
                "interface into overlapping interface",
                """
                fragment interfaceWithinInterface on Pet { ...beingFragment }
                fragment beingFragment on Being { name }
                """,
                []),
            RuleCase(
                "interface into overlapping interface in inline fragment",
                """
                fragment interfaceWithinInterface on Pet { ... on Being { name } }
                """,
                []),
            RuleCase(
                "interface into overlapping union",
                """
                fragment interfaceWithinUnion on CatOrDog { ...petFragment }
                fragment petFragment on Pet { name }
                """,
                []),
            RuleCase(
                "ignores incorrect type (caught by FragmentsOnCompositeTypes)",
                """
                fragment petFragment on Pet { ...badInADifferentWay }
                fragment badInADifferentWay on String { name }
                """,
                []),
            RuleCase(
                "ignores unknown fragments (caught by KnownFragmentNames)",
                """
                fragment petFragment on Pet { ...UnknownFragment }
                """,
                []),
            RuleCase(
                "different object into object",
                """
                fragment invalidObjectWithinObject on Cat { ...dogFragment }
                fragment dogFragment on Dog { barkVolume }
                """,
                [
                    ("Fragment 'dogFragment' cannot be spread here as objects of type 'Cat' can never be of type 'Dog'.", [(1, 45)]),
                ]),
            RuleCase(
                "different object into object in inline fragment",
                """
                fragment invalidObjectWithinObjectAnon on Cat {
                  ... on Dog { barkVolume }
                }
                """,
                [
                    ("Fragment cannot be spread here as objects of type 'Cat' can never be of type 'Dog'.", [(2, 3)]),
                ]),
            RuleCase(
                "object into not implementing interface",
                """
                fragment invalidObjectWithinInterface on Pet { ...humanFragment }
                fragment humanFragment on Human { pets { name } }
                """,
                [
                    ("Fragment 'humanFragment' cannot be spread here as objects of type 'Pet' can never be of type 'Human'.", [(1, 48)]),
                ]),
            RuleCase(
                "object into not containing union",
                """
                fragment invalidObjectWithinUnion on CatOrDog { ...humanFragment }
                fragment humanFragment on Human { pets { name } }
                """,
                [
                    ("Fragment 'humanFragment' cannot be spread here as objects of type 'CatOrDog' can never be of type 'Human'.", [(1, 49)]),
                ]),
            RuleCase(
                "union into not contained object",
                """
                fragment invalidUnionWithinObject on Human { ...catOrDogFragment }
                fragment catOrDogFragment on CatOrDog { __typename }
                """,
                [
                    ("Fragment 'catOrDogFragment' cannot be spread here as objects of type 'Human' can never be of type 'CatOrDog'.", [(1, 46)]),
                ]),
            RuleCase(
                "union into non overlapping interface",
                """
                fragment invalidUnionWithinInterface on Pet { ...humanOrAlienFragment }
                fragment humanOrAlienFragment on HumanOrAlien { __typename }
                """,
                [
                    ("Fragment 'humanOrAlienFragment' cannot be spread here as objects of type 'Pet' can never be of type 'HumanOrAlien'.", [(1, 47)]),
                ]),
            RuleCase(
                "union into non overlapping union",
                """
                fragment invalidUnionWithinUnion on CatOrDog { ...humanOrAlienFragment }
                fragment humanOrAlienFragment on HumanOrAlien { __typename }
                """,
                [
                    ("Fragment 'humanOrAlienFragment' cannot be spread here as objects of type 'CatOrDog' can never be of type 'HumanOrAlien'.", [(1, 48)]),
                ]),
            RuleCase(
                "interface into non implementing object",
                """
                fragment invalidInterfaceWithinObject on Cat { ...intelligentFragment }
                fragment intelligentFragment on Intelligent { iq }
                """,
                [
                    ("Fragment 'intelligentFragment' cannot be spread here as objects of type 'Cat' can never be of type 'Intelligent'.", [(1, 48)]),
                ]),
            RuleCase(
                "interface into non overlapping interface",
                """
                fragment invalidInterfaceWithinInterface on Pet {
                  ...intelligentFragment
                }
                fragment intelligentFragment on Intelligent { iq }
                """,
                [
                    ("Fragment 'intelligentFragment' cannot be spread here as objects of type 'Pet' can never be of type 'Intelligent'.", [(2, 3)]),
                ]),
            RuleCase(
                "interface into non overlapping interface in inline fragment",
                """
                fragment invalidInterfaceWithinInterfaceAnon on Pet {
                  ...on Intelligent { iq }
                }
                """,
                [
                    ("Fragment cannot be spread here as objects of type 'Pet' can never be of type 'Intelligent'.", [(2, 3)]),
                ]),
            RuleCase(
                "interface into non overlapping union",
                """
                fragment invalidInterfaceWithinUnion on HumanOrAlien { ...petFragment }
                fragment petFragment on Pet { name }
                """,
                [
                    ("Fragment 'petFragment' cannot be spread here as objects of type 'HumanOrAlien' can never be of type 'Pet'.", [(1, 56)]),
                ]),
            RuleCase(
                "operations and nested selections",
                """
                { dog { ... on Cat { name } ...catFragment } catOrDog { ... on Human { name } } }
                fragment catFragment on Cat { name }
                """,
                [
                    ("Fragment cannot be spread here as objects of type 'Dog' can never be of type 'Cat'.", [(1, 9)]),
                    ("Fragment 'catFragment' cannot be spread here as objects of type 'Dog' can never be of type 'Cat'.", [(1, 29)]),
                    ("Fragment cannot be spread here as objects of type 'CatOrDog' can never be of type 'Human'.", [(1, 57)]),
                ]),
            RuleCase(
                "the last definition of a repeated fragment is used",
                """
                { dog { ...A } }
                fragment A on Dog { name }
                fragment A on Cat { name }
                """,
                [
                    ("Fragment 'A' cannot be spread here as objects of type 'Dog' can never be of type 'Cat'.", [(1, 9)]),
                ]),
        ])
    }
}
