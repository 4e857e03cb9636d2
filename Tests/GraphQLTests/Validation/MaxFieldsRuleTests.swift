import XCTest
@testable import GraphQL

/// Maximum number of fields (`--max-fields`, a server limit, not graphql-core's): the
/// expected counts are worked out by hand from the rule's definition (every field node,
/// aliases included, a fragment once per spread), located at the operation.
final class MaxFieldsRuleTests: XCTestCase {
    func testFieldLimitOfFive() throws {
        try assertRule(MaxFieldsRule.self, limits: DocumentLimits(maxFields: 5), [
            RuleCase("exactly at the limit", "{ dog { name nickname } human { name } }", []),
            RuleCase(
                "aliases count one by one",
                "{ dog { a: name b: name c: name d: name e: name } }",
                [("Query selects 6 fields (aliases included); the limit is 5.", [(1, 1)])]),
            RuleCase(
                "a fragment counts once per spread",
                """

                query Twice {
                  dog { ...Names }
                  other: dog { ...Names }
                }
                fragment Names on Dog { name nickname }
                """,
                [("Query selects 6 fields (aliases included); the limit is 5.", [(2, 1)])]),
            RuleCase(
                "inline fragments and __typename",
                "{ dog { __typename ... on Dog { name ... on Dog { nickname barks } } } }",
                []),
            RuleCase(
                "inline fragments' fields count",
                "{ dog { __typename ... on Dog { name ... on Dog { nickname barks barkVolume } } } }",
                [("Query selects 6 fields (aliases included); the limit is 5.", [(1, 1)])]),
            RuleCase(
                "each operation is counted on its own",
                """
                query Small { dog { name } }
                mutation Big { renameDog(name: "Rex") { name nickname barks barkVolume mother { name } } }
                """,
                [("Mutation selects 7 fields (aliases included); the limit is 5.", [(2, 1)])]),
            RuleCase("an unknown fragment adds nothing", "{ dog { ...Missing name } }", []),
            RuleCase(
                "a fragment cycle ends",
                """
                { dog { ...A } }
                fragment A on Dog { mother { ...B } }
                fragment B on Dog { father { ...A } }
                """,
                []),
        ])
    }

    /// 2^41 fields from 40 fragments each spreading the next twice: counted, not expanded.
    func testFragmentFanOutIsCountedNotExpanded() throws {
        try assertRule(MaxFieldsRule.self, limits: DocumentLimits(maxFields: 1000), [
            RuleCase("fan-out", fanOutDocument(levels: 40),
                     [("Query selects 2199023255552 fields (aliases included); the limit is 1000.", [(1, 1)])]),
        ])
    }

    /// Past `Int.max` the count saturates and the message says so.
    func testCountSaturates() throws {
        try assertRule(MaxFieldsRule.self, limits: DocumentLimits(maxFields: 1000), [
            RuleCase("fan-out", fanOutDocument(levels: 70),
                     [("Query selects more than 9223372036854775806 fields (aliases included); the limit is 1000.",
                       [(1, 1)])]),
        ])
    }

    /// Without a limit the rule reports nothing.
    func testNoLimitNoError() throws {
        try assertRule(MaxFieldsRule.self, [RuleCase("no limit", fanOutDocument(levels: 40), [])])
    }

    /// The errors say which limit they are about, for the server's metrics.
    func testErrorNamesTheLimit() throws {
        let schema = try ValidationTestSchema.schema()
        let document = try parseDocument(Source("{ dog { name nickname } }"))
        let errors = validate(schema: schema, document: document, rules: specifiedRules + DocumentLimits.rules,
                              limits: DocumentLimits(maxFields: 2))
        XCTAssertEqual(errors.map(\.exceededDocumentLimit), ["fields"])
    }

    /// The limit rules are the server's own: graphql-core's list (which the oracle corpus
    /// compares against) does not contain them.
    func testNotAmongTheSpecifiedRules() {
        let specified = Set(specifiedRules.map { ObjectIdentifier($0) })
        for rule in DocumentLimits.rules {
            XCTAssertFalse(specified.contains(ObjectIdentifier(rule)), "\(rule)")
        }
    }
}
