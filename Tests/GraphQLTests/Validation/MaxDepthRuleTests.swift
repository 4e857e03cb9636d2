import XCTest
@testable import GraphQL

/// Maximum depth (`--max-depth`, a server limit, not graphql-core's): the expected errors
/// are worked out by hand from the rule's definition (fields nest, fragments count where
/// spread, the location is the first field deeper than the limit).
final class MaxDepthRuleTests: XCTestCase {
    func testDepthLimitOfThree() throws {
        try assertRule(MaxDepthRule.self, limits: DocumentLimits(maxDepth: 3), [
            RuleCase("exactly at the limit", "{ dog { mother { name } } }", []),
            RuleCase(
                "one level too deep",
                """
                {
                  dog {
                    mother {
                      mother {
                        name
                      }
                    }
                  }
                }
                """,
                [("Query is too deep: depth 4 exceeds the limit of 3.", [(5, 9)])]),
            RuleCase(
                "a fragment counts where it is spread",
                """
                query Deep {
                  dog {
                    ...Parents
                  }
                }
                fragment Parents on Dog {
                  mother {
                    father {
                      name
                    }
                  }
                }
                """,
                [("Query is too deep: depth 4 exceeds the limit of 3.", [(9, 7)])]),
            RuleCase(
                "inline fragments and __typename add no level of their own",
                "{ dog { ... on Dog { mother { __typename ... on Dog { name } } } } }",
                []),
            RuleCase(
                "a mutation is named as one",
                """
                mutation {
                  renameDog(name: "Rex") { mother { father { name } } }
                }
                """,
                [("Mutation is too deep: depth 4 exceeds the limit of 3.", [(2, 46)])]),
            RuleCase(
                "each operation is measured on its own, with the fragments it spreads",
                """
                query Shallow { dog { ...Name } }
                query Deep { dog { mother { ...Name } } human { pets { name } } }
                fragment Name on Dog { father { name } }
                """,
                [("Query is too deep: depth 4 exceeds the limit of 3.", [(3, 33)])]),
            RuleCase(
                "an unknown fragment adds nothing",
                "{ dog { mother { ...Missing name } } }",
                []),
        ])
    }

    /// A cycle of fragments (NoFragmentCyclesRule's business) ends the walk: each spread that
    /// closes the cycle adds nothing.
    func testFragmentCycleEnds() throws {
        let document = """
            { dog { ...A } }
            fragment A on Dog { mother { ...B } }
            fragment B on Dog { father { ...A } }
            """
        try assertRule(MaxDepthRule.self, limits: DocumentLimits(maxDepth: 3), [RuleCase("cycle within", document, [])])
        try assertRule(MaxDepthRule.self, limits: DocumentLimits(maxDepth: 2), [
            RuleCase("cycle over", document, [("Query is too deep: depth 3 exceeds the limit of 2.", [(3, 21)])]),
        ])
    }

    /// Subscriptions are measured like the rest.
    func testSubscription() throws {
        try assertRule(MaxDepthRule.self, limits: DocumentLimits(maxDepth: 1), [
            RuleCase("flat", "subscription { importantEmails }", []),
            RuleCase(
                "nested", "subscription { newMessage { body } }",
                [("Subscription is too deep: depth 2 exceeds the limit of 1.", [(1, 29)])]),
        ])
    }

    /// A chain of 60 fragments, each spreading the next twice, expands to 2^60 selections:
    /// the rule measures each fragment once, so this is as quick as any small document.
    func testFragmentFanOutIsMeasuredNotExpanded() throws {
        try assertRule(MaxDepthRule.self, limits: DocumentLimits(maxDepth: 50), [
            RuleCase("deep fan-out", fanOutDocument(levels: 60),
                     [("Query is too deep: depth 62 exceeds the limit of 50.", [(51, 23)])]),
        ])
    }

    /// Without a limit the rule reports nothing, however deep.
    func testNoLimitNoError() throws {
        try assertRule(MaxDepthRule.self, [RuleCase("no limit", fanOutDocument(levels: 60), [])])
    }

    /// The errors say which limit they are about, for the server's metrics.
    func testErrorNamesTheLimit() throws {
        let schema = try ValidationTestSchema.schema()
        let document = try parseDocument(Source("{ dog { mother { name } } }"))
        let errors = validate(schema: schema, document: document, rules: specifiedRules + DocumentLimits.rules,
                              limits: DocumentLimits(maxDepth: 2))
        XCTAssertEqual(errors.map(\.exceededDocumentLimit), ["depth"])
        XCTAssertEqual(errors.first?.code, "GRAPHQL_VALIDATION_FAILED")
    }
}

/// `{ dog { ...F0 } }` where `F<i>` is `mother { ...F<i+1> ...F<i+1> }` and the last is
/// `name`: depth `levels + 2`, `2^(levels + 1)` fields once expanded. Line `i + 2` holds `F<i>`.
func fanOutDocument(levels: Int) -> String {
    var lines = ["{ dog { ...F0 } }"]
    for i in 0..<levels {
        lines.append("fragment F\(i) on Dog { mother { ...F\(i + 1) ...F\(i + 1) } }")
    }
    lines.append("fragment F\(levels) on Dog { name }")
    return lines.joined(separator: "\n")
}
