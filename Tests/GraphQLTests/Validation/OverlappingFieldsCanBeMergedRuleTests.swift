import XCTest
@testable import GraphQL

/// OverlappingFieldsCanBeMergedRule: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class OverlappingFieldsCanBeMergedRuleTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(OverlappingFieldsCanBeMergedRule.self, [
            RuleCaseB(
                "unique fields",
                #"""
                fragment uniqueFields on Dog { name nickname }
                """#,
                []),
            RuleCaseB(
                "identical fields",
                #"""
                fragment mergeIdenticalFields on Dog { name name }
                """#,
                []),
            RuleCaseB(
                "identical fields with identical args",
                #"""
                fragment mergeIdenticalFieldsWithIdenticalArgs on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }
                """#,
                []),
            RuleCaseB(
                "identical fields with identical directives",
                #"""
                fragment mergeSameFieldsWithSameDirectives on Dog { name @include(if: true) name @include(if: true) }
                """#,
                []),
            RuleCaseB(
                "different args with different aliases",
                #"""
                fragment differentArgsWithDifferentAliases on Dog { knowsSit: doesKnowCommand(dogCommand: SIT) knowsDown: doesKnowCommand(dogCommand: DOWN) }
                """#,
                []),
            RuleCaseB(
                "different directives with different aliases",
                #"""
                fragment differentDirectivesWithDifferentAliases on Dog { nameIfTrue: name @include(if: true) nameIfFalse: name @include(if: false) }
                """#,
                []),
            RuleCaseB(
                "different skip/include directives accepted",
                #"""
                fragment differentDirectivesWithDifferentAliases on Dog { name @include(if: true) name @include(if: false) }
                """#,
                []),
            RuleCaseB(
                "same aliases with different field targets",
                #"""
                fragment sameAliasesWithDifferentFieldTargets on Dog { fido: name fido: nickname }
                """#,
                [
                    ("Fields 'fido' conflict because 'name' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 56), (1, 67)]),
                ]),
            RuleCaseB(
                "same aliases allowed on non-overlapping fields",
                #"""
                fragment sameAliasesWithDifferentFieldTargets on Pet { ... on Dog { name } ... on Cat { name: nickname } }
                """#,
                []),
            RuleCaseB(
                "alias masking direct field access",
                #"""
                fragment aliasMaskingDirectFieldAccess on Dog { name: nickname name }
                """#,
                [
                    ("Fields 'name' conflict because 'nickname' and 'name' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 49), (1, 64)]),
                ]),
            RuleCaseB(
                "different args, second adds an argument",
                #"""
                fragment conflictingArgs on Dog { doesKnowCommand doesKnowCommand(dogCommand: HEEL) }
                """#,
                [
                    ("Fields 'doesKnowCommand' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", [(1, 35), (1, 51)]),
                ]),
            RuleCaseB(
                "different args, second missing an argument",
                #"""
                fragment conflictingArgs on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand }
                """#,
                [
                    ("Fields 'doesKnowCommand' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", [(1, 35), (1, 68)]),
                ]),
            RuleCaseB(
                "conflicting arg values",
                #"""
                fragment conflictingArgs on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) }
                """#,
                [
                    ("Fields 'doesKnowCommand' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", [(1, 35), (1, 68)]),
                ]),
            RuleCaseB(
                "conflicting arg names",
                #"""
                fragment conflictingArgs on Dog { isAtLocation(x: 0) isAtLocation(y: 0) }
                """#,
                [
                    ("Fields 'isAtLocation' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", [(1, 35), (1, 54)]),
                ]),
            RuleCaseB(
                "args in different order",
                #"""
                fragment f on Dog { isAtLocation(x: 0, y: 1) isAtLocation(y: 1, x: 0) }
                """#,
                []),
            RuleCaseB(
                "object args in different field order",
                #"""
                { field(a: "x") complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) complexArgField(complexArg: {intField: 1, requiredField: true}) } }
                """#,
                []),
            RuleCaseB(
                "string and block string args differ",
                #"""
                { field(a: "x") field(a: """x""") }
                """#,
                [
                    ("Fields 'field' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", [(1, 3), (1, 17)]),
                ]),
            RuleCaseB(
                "int and float args differ",
                #"""
                { field(b: 1) field(b: 1.0) }
                """#,
                [
                    ("Fields 'field' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", [(1, 3), (1, 15)]),
                ]),
            RuleCaseB(
                "same variable args",
                #"""
                query ($v: Int) { field(b: $v) field(b: $v) }
                """#,
                []),
            RuleCaseB(
                "different variable args",
                #"""
                query ($v: Int, $w: Int) { field(b: $v) field(b: $w) }
                """#,
                [
                    ("Fields 'field' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", [(1, 28), (1, 41)]),
                ]),
            RuleCaseB(
                "allows different args where no conflict is possible",
                #"""
                fragment conflictingArgs on Pet { ... on Dog { name(surname: true) } ... on Cat { name } }
                """#,
                []),
            RuleCaseB(
                "allows different order of args",
                #"""
                { someBox { deepBox { unrelatedField } } field(a: "a", b: 1) field(b: 1, a: "a") }
                """#,
                []),
            RuleCaseB(
                "encounters conflict in fragments",
                #"""
                {
                  ...A
                  ...B
                }
                fragment A on Query { x: field(a: "a") }
                fragment B on Query { x: field(a: "b") }
                """#,
                [
                    ("Fields 'x' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", [(5, 23), (6, 23)]),
                ]),
            RuleCaseB(
                "reports each conflict once",
                #"""
                {
                  f1 {
                    ...A
                    ...B
                  }
                  f2 {
                    ...B
                    ...A
                  }
                  f3 {
                    ...A
                    ...B
                    x: c
                  }
                }
                fragment A on Type { x: a }
                fragment B on Type { x: b }
                """#,
                [
                    ("Fields 'x' conflict because 'a' and 'b' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(16, 22), (17, 22)]),
                    ("Fields 'x' conflict because 'c' and 'a' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(13, 5), (16, 22)]),
                    ("Fields 'x' conflict because 'c' and 'b' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(13, 5), (17, 22)]),
                ]),
            RuleCaseB(
                "reports each conflict once on a real schema",
                #"""
                {
                  dog {
                    ...A
                    ...B
                  }
                  cat: dog {
                    ...B
                    ...A
                  }
                  mother: dog {
                    ...A
                    ...B
                    x: barks
                  }
                }
                fragment A on Dog { x: name }
                fragment B on Dog { x: nickname }
                """#,
                [
                    ("Fields 'x' conflict because 'name' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(16, 21), (17, 21)]),
                    ("Fields 'x' conflict because 'barks' and 'name' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(13, 5), (16, 21)]),
                    ("Fields 'x' conflict because 'barks' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(13, 5), (17, 21)]),
                ]),
            RuleCaseB(
                "deep conflict",
                #"""
                {
                  field {
                    x: a
                  },
                  field {
                    x: b
                  }
                }
                """#,
                [
                    ("Fields 'field' conflict because subfields 'x' conflict because 'a' and 'b' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(2, 3), (3, 5), (5, 3), (6, 5)]),
                ]),
            RuleCaseB(
                "deep conflict on a real schema",
                #"""
                {
                  dog {
                    x: name
                  },
                  dog {
                    x: nickname
                  }
                }
                """#,
                [
                    ("Fields 'dog' conflict because subfields 'x' conflict because 'name' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(2, 3), (3, 5), (5, 3), (6, 5)]),
                ]),
            RuleCaseB(
                "deep conflict with multiple issues",
                #"""
                {
                  dog {
                    x: name
                    y: barks
                  },
                  dog {
                    x: nickname
                    y: barkVolume
                  }
                }
                """#,
                [
                    ("Fields 'dog' conflict because subfields 'x' conflict because 'name' and 'nickname' are different fields and subfields 'y' conflict because 'barks' and 'barkVolume' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(2, 3), (3, 5), (4, 5), (6, 3), (7, 5), (8, 5)]),
                ]),
            RuleCaseB(
                "very deep conflict",
                #"""
                {
                  human {
                    relatives {
                      x: name
                    }
                  },
                  human {
                    relatives {
                      x: iq
                    }
                  }
                }
                """#,
                [
                    ("Fields 'human' conflict because subfields 'relatives' conflict because subfields 'x' conflict because 'name' and 'iq' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(2, 3), (3, 5), (4, 7), (7, 3), (8, 5), (9, 7)]),
                ]),
            RuleCaseB(
                "reports deep conflict to nearest common ancestor",
                #"""
                {
                  dog {
                    mother {
                      x: name
                    }
                    mother {
                      x: nickname
                    }
                  }
                  dog {
                    mother {
                      y: name
                    }
                  }
                }
                """#,
                [
                    ("Fields 'mother' conflict because subfields 'x' conflict because 'name' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(3, 5), (4, 7), (6, 5), (7, 7)]),
                ]),
            RuleCaseB(
                "reports deep conflict to nearest common ancestor in fragments",
                #"""
                {
                  dog {
                    ...F
                  }
                  dog {
                    ...F
                  }
                }
                fragment F on Dog {
                  mother {
                    x: name
                    y: barks
                  }
                  mother {
                    x: nickname
                  }
                  father {
                    y: name
                  }
                }
                """#,
                [
                    ("Fields 'mother' conflict because subfields 'x' conflict because 'name' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(10, 3), (11, 5), (14, 3), (15, 5)]),
                ]),
            RuleCaseB(
                "reports deep conflict in nested fragments",
                #"""
                {
                  dog {
                    ...F
                  }
                  dog {
                    ...I
                  }
                }
                fragment F on Dog {
                  x: name
                  ...G
                }
                fragment G on Dog {
                  y: barks
                }
                fragment I on Dog {
                  y: barkVolume
                  ...J
                }
                fragment J on Dog {
                  x: nickname
                }
                """#,
                [
                    ("Fields 'dog' conflict because subfields 'x' conflict because 'name' and 'nickname' are different fields and subfields 'y' conflict because 'barks' and 'barkVolume' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(2, 3), (10, 3), (14, 3), (5, 3), (21, 3), (17, 3)]),
                ]),
            RuleCaseB(
                "ignores unknown fragments",
                #"""
                {
                  field
                  ...Unknown
                  ...Known
                }
                fragment Known on Query {
                  field
                  ...OtherUnknown
                }
                """#,
                []),
            RuleCaseB(
                "conflicting return types which potentially overlap",
                #"""
                {
                  someBox {
                    ...on IntBox {
                      scalar
                    }
                    ...on NonNullStringBox1 {
                      scalar
                    }
                  }
                }
                """#,
                [
                    ("Fields 'scalar' conflict because they return conflicting types 'Int' and 'String!'. Use different aliases on the fields to fetch both if this was intentional.", [(4, 7), (7, 7)]),
                ]),
            RuleCaseB(
                "compatible return shapes on different return types",
                #"""
                {
                  someBox {
                    ... on SomeBox {
                      deepBox {
                        unrelatedField
                      }
                    }
                    ... on StringBox {
                      deepBox {
                        unrelatedField
                      }
                    }
                  }
                }
                """#,
                []),
            RuleCaseB(
                "disallows differing return types despite no overlap",
                #"""
                {
                  someBox {
                    ... on IntBox {
                      scalar
                    }
                    ... on StringBox {
                      scalar
                    }
                  }
                }
                """#,
                [
                    ("Fields 'scalar' conflict because they return conflicting types 'Int' and 'String'. Use different aliases on the fields to fetch both if this was intentional.", [(4, 7), (7, 7)]),
                ]),
            RuleCaseB(
                "reports correctly when a non-exclusive follows an exclusive",
                #"""
                {
                  someBox {
                    ... on IntBox {
                      deepBox {
                        ...X
                      }
                    }
                  }
                  someBox {
                    ... on StringBox {
                      deepBox {
                        ...Y
                      }
                    }
                  }
                  memoed: someBox {
                    ... on IntBox {
                      deepBox {
                        ...X
                      }
                    }
                  }
                  memoed: someBox {
                    ... on StringBox {
                      deepBox {
                        ...Y
                      }
                    }
                  }
                  other: someBox {
                    ...X
                  }
                  other: someBox {
                    ...Y
                  }
                }
                fragment X on SomeBox {
                  scalar: deepBox { unrelatedField }
                }
                fragment Y on SomeBox {
                  scalar: unrelatedField
                }
                """#,
                [
                    ("Fields 'someBox' conflict because subfields 'deepBox' conflict because subfields 'scalar' conflict because they return conflicting types 'SomeBox' and 'String'. Use different aliases on the fields to fetch both if this was intentional.", [(2, 3), (4, 7), (38, 3), (9, 3), (11, 7), (41, 3)]),
                    ("Fields 'other' conflict because subfields 'scalar' conflict because 'deepBox' and 'unrelatedField' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(30, 3), (38, 3), (33, 3), (41, 3)]),
                ]),
            RuleCaseB(
                "disallows differing return type nullability despite no overlap",
                #"""
                {
                  someBox {
                    ... on NonNullStringBox1 {
                      scalar
                    }
                    ... on StringBox {
                      scalar
                    }
                  }
                }
                """#,
                [
                    ("Fields 'scalar' conflict because they return conflicting types 'String!' and 'String'. Use different aliases on the fields to fetch both if this was intentional.", [(4, 7), (7, 7)]),
                ]),
            RuleCaseB(
                "disallows differing return type list despite no overlap",
                #"""
                {
                  someBox {
                    ... on IntBox {
                      box: listStringBox {
                        scalar
                      }
                    }
                    ... on StringBox {
                      box: stringBox {
                        scalar
                      }
                    }
                  }
                }
                """#,
                [
                    ("Fields 'box' conflict because they return conflicting types '[StringBox]' and 'StringBox'. Use different aliases on the fields to fetch both if this was intentional.", [(4, 7), (9, 7)]),
                ]),
            RuleCaseB(
                "disallows differing return type list despite no overlap, reversed",
                #"""
                {
                  someBox {
                    ... on IntBox {
                      box: stringBox {
                        scalar
                      }
                    }
                    ... on StringBox {
                      box: listStringBox {
                        scalar
                      }
                    }
                  }
                }
                """#,
                [
                    ("Fields 'box' conflict because they return conflicting types 'StringBox' and '[StringBox]'. Use different aliases on the fields to fetch both if this was intentional.", [(4, 7), (9, 7)]),
                ]),
            RuleCaseB(
                "disallows differing subfields",
                #"""
                {
                  someBox {
                    ... on IntBox {
                      box: stringBox {
                        val: scalar
                        val: unrelatedField
                      }
                    }
                    ... on StringBox {
                      box: stringBox {
                        val: scalar
                      }
                    }
                  }
                }
                """#,
                [
                    ("Fields 'val' conflict because 'scalar' and 'unrelatedField' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(5, 9), (6, 9)]),
                ]),
            RuleCaseB(
                "disallows differing deep return types despite no overlap",
                #"""
                {
                  someBox {
                    ... on IntBox {
                      box: stringBox {
                        scalar
                      }
                    }
                    ... on StringBox {
                      box: intBox {
                        scalar
                      }
                    }
                  }
                }
                """#,
                [
                    ("Fields 'box' conflict because subfields 'scalar' conflict because they return conflicting types 'String' and 'Int'. Use different aliases on the fields to fetch both if this was intentional.", [(4, 7), (5, 9), (9, 7), (10, 9)]),
                ]),
            RuleCaseB(
                "allows non-conflicting overlapping types",
                #"""
                {
                  someBox {
                    ... on IntBox {
                      scalar: unrelatedField
                    }
                    ... on StringBox {
                      scalar
                    }
                  }
                }
                """#,
                []),
            RuleCaseB(
                "same wrapped scalar return types",
                #"""
                {
                  someBox {
                    ...on NonNullStringBox1 {
                      scalar
                    }
                    ...on NonNullStringBox2 {
                      scalar
                    }
                  }
                }
                """#,
                []),
            RuleCaseB(
                "allows inline fragments without type condition",
                #"""
                {
                  a: field
                  ... {
                    a: field
                  }
                }
                """#,
                []),
            RuleCaseB(
                "compares deep types including list",
                #"""
                {
                  connection {
                    ...edgeID
                    edges {
                      node {
                        id: name
                      }
                    }
                  }
                }

                fragment edgeID on Connection {
                  edges {
                    node {
                      id
                    }
                  }
                }
                """#,
                [
                    ("Fields 'edges' conflict because subfields 'node' conflict because subfields 'id' conflict because 'name' and 'id' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(4, 5), (5, 7), (6, 9), (13, 3), (14, 5), (15, 7)]),
                ]),
            RuleCaseB(
                "ignores unknown types",
                #"""
                {
                  someBox {
                    ...on UnknownType {
                      scalar
                    }
                    ...on NonNullStringBox2 {
                      scalar
                    }
                  }
                }
                """#,
                []),
            RuleCaseB(
                "does not infinite loop on recursive fragment",
                #"""
                { ...fragA } fragment fragA on Query { ...fragA }
                """#,
                []),
            RuleCaseB(
                "does not infinite loop on immediately recursive fragment",
                #"""
                {
                  ...fragA
                }
                fragment fragA on Query {
                  fragA: field
                  ...fragA
                }
                """#,
                []),
            RuleCaseB(
                "does not infinite loop on recursive fragment with a field named after fragment",
                #"""
                {
                  ...fragA
                  fragA: field
                }
                fragment fragA on Query {
                  fragA: field
                  ...fragA
                }
                """#,
                []),
            RuleCaseB(
                "finds invalid cases even with field named after fragment",
                #"""
                {
                  fragA: field
                  ...fragA
                }
                fragment fragA on Query {
                  fragA: dog { name }
                }
                """#,
                [
                    ("Fields 'fragA' conflict because 'field' and 'dog' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(2, 3), (6, 3)]),
                ]),
            RuleCaseB(
                "does not infinite loop on transitively recursive fragment",
                #"""
                {
                  ...fragA
                  fragB: field
                }
                fragment fragA on Query { fragB: field ...fragB }
                fragment fragB on Query { fragB: field ...fragC }
                fragment fragC on Query { fragB: field ...fragA }
                """#,
                []),
            RuleCaseB(
                "finds invalid case even with immediately recursive fragment",
                #"""
                fragment sameAliasesWithDifferentFieldTargets on Dog {
                  ...sameAliasesWithDifferentFieldTargets
                  fido: name
                  fido: nickname
                }
                """#,
                [
                    ("Fields 'fido' conflict because 'name' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(3, 3), (4, 3)]),
                ]),
            RuleCaseB(
                "mutually recursive fragments with conflicts",
                #"""
                {
                  dog { ...A }
                }
                fragment A on Dog { x: name mother { ...B } }
                fragment B on Dog { x: nickname father { ...A } }
                """#,
                []),
            RuleCaseB(
                "conflict in a fragment spread twice in nested fields",
                #"""
                {
                  dog { ...F mother { ...F } }
                }
                fragment F on Dog { x: name x: barks mother { x: name } }
                """#,
                [
                    ("Fields 'mother' conflict because subfields 'x' conflict because 'name' and 'barks' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(2, 14), (4, 47), (4, 38), (4, 29)]),
                    ("Fields 'x' conflict because 'name' and 'barks' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(4, 21), (4, 29)]),
                ]),
            RuleCaseB(
                "stream directives overlap",
                #"""
                {
                  a: list @stream(initialCount: 1)
                  a: list @stream(initialCount: 1)
                  b: list @stream(initialCount: 1)
                  b: list @stream(initialCount: 2)
                  c: list
                  c: list @stream
                }
                """#,
                [
                    ("Fields 'a' conflict because they have overlapping stream directives. See https://github.com/graphql/defer-stream-wg/discussions/100. Use different aliases on the fields to fetch both if this was intentional.", [(2, 3), (3, 3)]),
                    ("Fields 'b' conflict because they have overlapping stream directives. Use different aliases on the fields to fetch both if this was intentional.", [(4, 3), (5, 3)]),
                    ("Fields 'c' conflict because they have overlapping stream directives. Use different aliases on the fields to fetch both if this was intentional.", [(6, 3), (7, 3)]),
                ]),
            RuleCaseB(
                "typename and meta fields",
                #"""
                { __typename __typename t: __typename t: field }
                """#,
                [
                    ("Fields 't' conflict because '__typename' and 'field' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 25), (1, 39)]),
                ]),
            RuleCaseB(
                "meta field against a real field",
                #"""
                { dog { __typename: name __typename } }
                """#,
                [
                    ("Fields '__typename' conflict because 'name' and '__typename' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 9), (1, 26)]),
                ]),
            RuleCaseB(
                "conflicts on mutation and subscription roots",
                #"""
                mutation { x: updateMessage(id: 1) x: updateMessage(id: 2) }
                subscription { newMessage { x: body x: sender } }
                """#,
                [
                    ("Fields 'x' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", [(1, 12), (1, 36)]),
                    ("Fields 'x' conflict because 'body' and 'sender' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(2, 29), (2, 37)]),
                ]),
            RuleCaseB(
                "conflict between fragment and inline fragment",
                #"""
                {
                  dog {
                    ... on Dog { x: name }
                    ...F
                  }
                }
                fragment F on Dog { x: barks }
                """#,
                [
                    ("Fields 'x' conflict because 'name' and 'barks' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(3, 18), (7, 21)]),
                ]),
            RuleCaseB(
                "conflict across two fragments in different selections",
                #"""
                {
                  dog { ...A }
                  dog { ...B }
                }
                fragment A on Dog { x: name }
                fragment B on Dog { x: nickname }
                """#,
                [
                    ("Fields 'dog' conflict because subfields 'x' conflict because 'name' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(2, 3), (5, 21), (3, 3), (6, 21)]),
                ]),
            RuleCaseB(
                "many fields with the same response name",
                #"""
                { dog { x: name x: nickname x: barks x: name } }
                """#,
                [
                    ("Fields 'x' conflict because 'name' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 9), (1, 17)]),
                    ("Fields 'x' conflict because 'name' and 'barks' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 9), (1, 29)]),
                    ("Fields 'x' conflict because 'nickname' and 'barks' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 17), (1, 29)]),
                    ("Fields 'x' conflict because 'nickname' and 'name' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 17), (1, 38)]),
                    ("Fields 'x' conflict because 'barks' and 'name' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 29), (1, 38)]),
                ]),
            RuleCaseB(
                "single inline fragment selection",
                #"""
                { ... on Query { x: field x: list } }
                """#,
                [
                    ("Fields 'x' conflict because 'field' and 'list' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 18), (1, 27)]),
                ]),
            RuleCaseB(
                "subfield reasons joined with and",
                #"""
                {
                  dog { a: name b: name c: name }
                  dog { a: nickname b: barks c: barkVolume }
                }
                """#,
                [
                    ("Fields 'dog' conflict because subfields 'a' conflict because 'name' and 'nickname' are different fields and subfields 'b' conflict because 'name' and 'barks' are different fields and subfields 'c' conflict because 'name' and 'barkVolume' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(2, 3), (2, 9), (2, 17), (2, 25), (3, 3), (3, 9), (3, 21), (3, 30)]),
                ]),
            RuleCaseB(
                "unknown fields and types",
                #"""
                { unknown { a } unknown { b } dog { x: unknownA x: unknownB } }
                """#,
                [
                    ("Fields 'x' conflict because 'unknownA' and 'unknownB' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 37), (1, 49)]),
                ]),
            RuleCaseB(
                "abstract parent types are not exclusive",
                #"""
                {
                  pet {
                    ... on Being { name }
                    ... on Pet { name: nickname }
                  }
                }
                """#,
                [
                    ("Fields 'name' conflict because 'name' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(3, 20), (4, 18)]),
                ]),
            RuleCaseB(
                "union members are exclusive",
                #"""
                {
                  catOrDog {
                    ... on Cat { x: meows }
                    ... on Dog { x: barks }
                    ... on Dog { y: name }
                    ... on Cat { y: furColor }
                  }
                }
                """#,
                [
                    ("Fields 'y' conflict because they return conflicting types 'String' and 'FurColor'. Use different aliases on the fields to fetch both if this was intentional.", [(5, 18), (6, 18)]),
                ]),
            RuleCaseB(
                "duplicate fragment definitions, the last one wins",
                #"""
                {
                  x: field(a: "a")
                  ...F
                }
                fragment F on Query { x: field(a: "b") }
                fragment F on Query { x: field(a: "a") }
                """#,
                []),
        ])
    }
}
