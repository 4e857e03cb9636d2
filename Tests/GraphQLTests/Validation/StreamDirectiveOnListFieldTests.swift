import XCTest
@testable import GraphQL

/// StreamDirectiveOnListField: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class StreamDirectiveOnListFieldTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(StreamDirectiveOnListField.self, [
            RuleCaseB(
                "stream on list field",
                #"""
                { list @stream(initialCount: 1) }
                """#,
                []),
            RuleCaseB(
                "stream on non-null list field",
                #"""
                { human { relatives @stream { name } } }
                """#,
                []),
            RuleCaseB(
                "stream on non-list field",
                #"""
                { dog @stream { name } }
                """#,
                [
                    ("Stream directive cannot be used on non-list field 'dog' on type 'Query'.", [(1, 7)]),
                ]),
            RuleCaseB(
                "stream on nested non-list field",
                #"""
                { human { name @stream pets @stream { name } } }
                """#,
                [
                    ("Stream directive cannot be used on non-list field 'name' on type 'Human'.", [(1, 16)]),
                ]),
            RuleCaseB(
                "stream on unknown field",
                #"""
                { unknown @stream }
                """#,
                []),
            RuleCaseB(
                "stream on typename",
                #"""
                { __typename @stream }
                """#,
                [
                    ("Stream directive cannot be used on non-list field on type 'Query'.", [(1, 14)]),
                ]),
            RuleCaseB(
                "defer is not stream",
                #"""
                { dog { ... @defer { name } } }
                """#,
                []),
            RuleCaseB(
                "stream on fragment spread inside a non-list field",
                #"""
                { dog { ...F @stream } } fragment F on Dog { name }
                """#,
                [
                    ("Stream directive cannot be used on non-list field on type 'Dog'.", [(1, 14)]),
                ]),
        ])
    }
}
