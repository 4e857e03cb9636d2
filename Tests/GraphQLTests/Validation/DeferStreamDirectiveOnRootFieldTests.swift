import XCTest
@testable import GraphQL

/// DeferStreamDirectiveOnRootField: cases ported from graphql-core 3.3.2's tests, expectations written by
/// running graphql-core against the same schema (ValidationTestSchemaB.swift).
final class DeferStreamDirectiveOnRootFieldTests: XCTestCase {
    func testValidationCases() {
        checkRuleB(DeferStreamDirectiveOnRootField.self, [
            RuleCaseB(
                "defer on query root",
                #"""
                { ... @defer { dog { name } } }
                """#,
                []),
            RuleCaseB(
                "defer on mutation root inline fragment",
                #"""
                mutation { ... @defer { updateMessage } }
                """#,
                [
                    ("Defer directive cannot be used on root mutation type 'Mutation'.", [(1, 16)]),
                ]),
            RuleCaseB(
                "defer on mutation root fragment spread",
                #"""
                mutation { ...M @defer } fragment M on Mutation { updateMessage }
                """#,
                [
                    ("Defer directive cannot be used on root mutation type 'Mutation'.", [(1, 17)]),
                ]),
            RuleCaseB(
                "defer inside mutation root fields is fine",
                #"""
                mutation { message { ... @defer { body } } }
                """#,
                []),
            RuleCaseB(
                "defer on subscription root",
                #"""
                subscription { ... @defer { newMessage { body } } }
                """#,
                [
                    ("Defer directive cannot be used on root subscription type 'Subscription'.", [(1, 20)]),
                ]),
            RuleCaseB(
                "stream on mutation root field",
                #"""
                mutation { messages @stream }
                """#,
                [
                    ("Stream directive cannot be used on root mutation type 'Mutation'.", [(1, 21)]),
                ]),
            RuleCaseB(
                "stream on subscription root field",
                #"""
                subscription { messages @stream { body } }
                """#,
                [
                    ("Stream directive cannot be used on root subscription type 'Subscription'.", [(1, 25)]),
                ]),
            RuleCaseB(
                "stream on nested field of subscription is fine",
                #"""
                subscription { newMessage { replies @stream { body } } }
                """#,
                []),
            RuleCaseB(
                "nested fragments",
                #"""
                mutation { ...A }
                fragment A on Mutation { ...B @defer ... { messages @stream } }
                fragment B on Mutation { updateMessage }
                """#,
                [
                    ("Defer directive cannot be used on root mutation type 'Mutation'.", [(2, 31)]),
                    ("Stream directive cannot be used on root mutation type 'Mutation'.", [(2, 53)]),
                ]),
            RuleCaseB(
                "fragment checked once across operations",
                #"""
                mutation One { ...A }
                mutation Two { ...A ...A @defer }
                fragment A on Mutation { messages @stream }
                """#,
                [
                    ("Stream directive cannot be used on root mutation type 'Mutation'.", [(3, 35)]),
                    ("Stream directive cannot be used on root mutation type 'Mutation'.", [(3, 35)]),
                ]),
            RuleCaseB(
                "unknown fragment",
                #"""
                mutation { ...Unknown @defer }
                """#,
                []),
        ])
    }
}
