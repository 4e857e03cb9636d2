import XCTest
@testable import GraphQL

/// Maximum introspection depth.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class MaxIntrospectionDepthRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(MaxIntrospectionDepthRule.self, [
            RuleCase(
                "default introspection-like query",
                """
                query {
                  __schema {
                    types {
                      fields {
                        type { name }
                        args { type { ofType { ofType { name } } } }
                      }
                      interfaces { name }
                      possibleTypes { name }
                      inputFields { type { name } }
                    }
                  }
                }
                """,
                []),
            RuleCase(
                "__Type with a fragment",
                """
                query {
                  __type(name: "Dog") {
                    ...TypeFields
                  }
                }
                fragment TypeFields on __Type {
                  fields {
                    type { name }
                  }
                }
                """,
                []),
            RuleCase(
                "too many fields",
                """
                {
                  __schema {
                    types {
                      fields {
                        type {
                          fields {
                            type {
                              fields {
                                name
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
                """,
                [
                    ("Maximum introspection depth exceeded", [(2, 3)]),
                ]),
            RuleCase(
                "too many fields through fragments",
                """
                {
                  __schema {
                    types {
                      ...F1
                    }
                  }
                }
                fragment F1 on __Type {
                  fields {
                    type {
                      ...F2
                    }
                  }
                }
                fragment F2 on __Type {
                  fields {
                    type {
                      ...F3
                    }
                  }
                }
                fragment F3 on __Type {
                  fields {
                    type {
                      name
                    }
                  }
                }
                """,
                [
                    ("Maximum introspection depth exceeded", [(2, 3)]),
                ]),
            RuleCase(
                "too many interfaces",
                """
                {
                  __type(name: "Dog") {
                    interfaces {
                      interfaces {
                        interfaces {
                          name
                        }
                      }
                    }
                  }
                }
                """,
                [
                    ("Maximum introspection depth exceeded", [(2, 3)]),
                ]),
            RuleCase(
                "too many possibleTypes",
                """
                {
                  __type(name: "Dog") {
                    possibleTypes {
                      possibleTypes {
                        possibleTypes {
                          name
                        }
                      }
                    }
                  }
                }
                """,
                [
                    ("Maximum introspection depth exceeded", [(2, 3)]),
                ]),
            RuleCase(
                "too many inputFields",
                """
                {
                  __type(name: "Dog") {
                    inputFields {
                      type {
                        inputFields {
                          type {
                            inputFields {
                              type {
                                name
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
                """,
                [
                    ("Maximum introspection depth exceeded", [(2, 3)]),
                ]),
            RuleCase(
                "three mixed lists are too many",
                """
                {
                  __type(name: "Dog") {
                    fields { type { interfaces { possibleTypes { name } } } }
                  }
                }
                """,
                [
                    ("Maximum introspection depth exceeded", [(2, 3)]),
                ]),
            RuleCase(
                "inline fragments count too",
                """
                {
                  __schema { types { ... on __Type { fields { type { ... { fields { type { fields { name } } } } } } } } }
                }
                """,
                [
                    ("Maximum introspection depth exceeded", [(2, 3)]),
                ]),
            RuleCase(
                "does not infinite loop on recursive fragments",
                """
                { __schema { types { ...F } } }
                fragment F on __Type { fields { type { ...F } } }
                """,
                [
                    ("Maximum introspection depth exceeded", [(1, 3)]),
                ]),
            RuleCase(
                "a cyclic fragment reached shallow then deep",
                """
                { __type(name: "Dog") { ...A } __schema { types { fields { type { ...A } } } } }
                fragment A on __Type { name ...B }
                fragment B on __Type { interfaces { ...A } }
                """,
                [
                    ("Maximum introspection depth exceeded", [(1, 3)]),
                    ("Maximum introspection depth exceeded", [(1, 32)]),
                ]),
            RuleCase(
                "unknown fragments are ignored",
                """
                { __schema { types { ...Unknown } } }
                """,
                []),
            RuleCase(
                "only introspection roots count",
                """
                {
                  human {
                    fields: pets { fields: name }
                  }
                }
                """,
                []),
            RuleCase(
                "each root is reported",
                """
                {
                  a: __type(name: "Dog") { fields { type { fields { type { fields { name } } } } } }
                  b: __type(name: "Cat") { name }
                  c: __schema { types { fields { type { fields { type { fields { name } } } } } } }
                }
                """,
                [
                    ("Maximum introspection depth exceeded", [(2, 3)]),
                    ("Maximum introspection depth exceeded", [(4, 3)]),
                ]),
        ])
    }
}
