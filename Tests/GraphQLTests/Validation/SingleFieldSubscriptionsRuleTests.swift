import XCTest
@testable import GraphQL

/// Single Root Field: a subscription selects one non-introspection root field, without @skip/@include.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class SingleFieldSubscriptionsRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(SingleFieldSubscriptionsRule.self, [
            RuleCase(
                "valid subscription",
                """
                subscription ImportantEmails { importantEmails }
                """,
                []),
            RuleCase(
                "valid subscription with fragment",
                """
                subscription sub {
                  ...newMessageFields
                }
                fragment newMessageFields on SubscriptionRoot {
                  newMessage {
                    body
                    sender
                  }
                }
                """,
                []),
            RuleCase(
                "valid subscription with fragment and field",
                """
                subscription sub {
                  newMessage {
                    body
                  }
                  ...newMessageFields
                }
                fragment newMessageFields on SubscriptionRoot {
                  newMessage {
                    body
                    sender
                  }
                }
                """,
                []),
            RuleCase(
                "fails with more than one root field",
                """
                subscription ImportantEmails {
                  importantEmails
                  notImportantEmails
                }
                """,
                [
                    ("Subscription 'ImportantEmails' must select only one top level field.", [(3, 3)]),
                ]),
            RuleCase(
                "fails with more than one root field including introspection",
                """
                subscription ImportantEmails {
                  importantEmails
                  __typename
                }
                """,
                [
                    ("Subscription 'ImportantEmails' must select only one top level field.", [(3, 3)]),
                    ("Subscription 'ImportantEmails' must not select an introspection top level field.", [(3, 3)]),
                ]),
            RuleCase(
                "fails with more than one root field including aliased introspection via fragment",
                """
                subscription ImportantEmails {
                  importantEmails
                  ...Introspection
                }
                fragment Introspection on SubscriptionRoot {
                  typename: __typename
                }
                """,
                [
                    ("Subscription 'ImportantEmails' must select only one top level field.", [(6, 3)]),
                    ("Subscription 'ImportantEmails' must not select an introspection top level field.", [(6, 3)]),
                ]),
            RuleCase(
                "fails with many more than one root field",
                """
                subscription ImportantEmails {
                  importantEmails
                  notImportantEmails
                  spamEmails
                }
                """,
                [
                    ("Subscription 'ImportantEmails' must select only one top level field.", [(3, 3), (4, 3)]),
                ]),
            RuleCase(
                "fails with many more than one root field via fragments",
                """
                subscription ImportantEmails {
                  importantEmails
                  ... {
                    more: moreImportantEmails
                  }
                  ...NotImportantEmails
                }
                fragment NotImportantEmails on SubscriptionRoot {
                  notImportantEmails
                  deleted: deletedEmails
                  ...SpamEmails
                }
                fragment SpamEmails on SubscriptionRoot {
                  spamEmails
                }
                """,
                [
                    ("Subscription 'ImportantEmails' must select only one top level field.", [(4, 5), (9, 3), (10, 3), (14, 3)]),
                ]),
            RuleCase(
                "does not infinite loop on recursive fragments",
                """
                subscription NoInfiniteLoop {
                  ...A
                }
                fragment A on SubscriptionRoot {
                  ...A
                }
                """,
                [
                    ("Subscription 'NoInfiniteLoop' must select one top level field.", [(1, 29)]),
                ]),
            RuleCase(
                "fails with many more than one root field via fragments (anonymous)",
                """
                subscription {
                  importantEmails
                  ... {
                    more: moreImportantEmails
                    ...NotImportantEmails
                  }
                  ...NotImportantEmails
                }
                fragment NotImportantEmails on SubscriptionRoot {
                  notImportantEmails
                  deleted: deletedEmails
                  ... {
                    ... {
                      archivedEmails
                    }
                  }
                  ...SpamEmails
                }
                fragment SpamEmails on SubscriptionRoot {
                  spamEmails
                  ...NonExistentFragment
                }
                """,
                [
                    ("Anonymous Subscription must select only one top level field.", [(4, 5), (10, 3), (11, 3), (14, 7), (20, 3)]),
                ]),
            RuleCase(
                "fails with more than one root field in anonymous subscriptions",
                """
                subscription {
                  importantEmails
                  notImportantEmails
                }
                """,
                [
                    ("Anonymous Subscription must select only one top level field.", [(3, 3)]),
                ]),
            RuleCase(
                "fails with introspection field",
                """
                subscription ImportantEmails {
                  __typename
                }
                """,
                [
                    ("Subscription 'ImportantEmails' must not select an introspection top level field.", [(2, 3)]),
                ]),
            RuleCase(
                "fails with introspection field in anonymous subscription",
                """
                subscription {
                  __typename
                }
                """,
                [
                    ("Anonymous Subscription must not select an introspection top level field.", [(2, 3)]),
                ]),
            RuleCase(
                "same response key counts once",
                """
                subscription {
                  importantEmails
                  importantEmails
                  ... { importantEmails }
                }
                """,
                []),
            RuleCase(
                "introspection field selected twice reports all its nodes",
                """
                subscription {
                  __typename
                  ... { __typename }
                  importantEmails
                }
                """,
                [
                    ("Anonymous Subscription must select only one top level field.", [(4, 3)]),
                    ("Anonymous Subscription must not select an introspection top level field.", [(2, 3), (3, 9)]),
                ]),
            RuleCase(
                "fragments on other types are not collected",
                """
                subscription {
                  ... on QueryRoot { dog { name } }
                  ... on Being { name }
                  ...OnQuery
                  importantEmails
                }
                fragment OnQuery on QueryRoot { cat { name } }
                """,
                []),
            RuleCase(
                "no root field at all",
                """
                subscription Empty {
                  ... on QueryRoot { dog { name } }
                }
                """,
                [
                    ("Subscription 'Empty' must select one top level field.", [(1, 20)]),
                ]),
            RuleCase(
                "skip and include are forbidden at the top level",
                """
                subscription RequireSkip($skip: Boolean!) {
                  importantEmails @skip(if: $skip)
                  notImportantEmails @include(if: true)
                  ... @include(if: false) { spamEmails }
                  ...Deleted @skip(if: true) @include(if: true)
                }
                fragment Deleted on SubscriptionRoot { deletedEmails }
                """,
                [
                    ("Subscription 'RequireSkip' must not use `@skip` or `@include` directives in the top level selection.", [(2, 19), (3, 22), (4, 7), (5, 14)]),
                ]),
            RuleCase(
                "skip inside a spread fragment is forbidden too",
                """
                subscription {
                  ...Emails
                }
                fragment Emails on SubscriptionRoot {
                  importantEmails @skip(if: false)
                }
                """,
                [
                    ("Anonymous Subscription must not use `@skip` or `@include` directives in the top level selection.", [(5, 19)]),
                ]),
            RuleCase(
                "skip below the root field is allowed",
                """
                subscription {
                  newMessage {
                    body @skip(if: true)
                    sender @include(if: false)
                  }
                }
                """,
                []),
            RuleCase(
                "a deferred fragment is collected again",
                """
                subscription {
                  ...Emails
                  ...Emails @defer
                  ...Emails @defer(if: false)
                }
                fragment Emails on SubscriptionRoot {
                  importantEmails
                  spamEmails
                }
                """,
                [
                    ("Anonymous Subscription must select only one top level field.", [(8, 3)]),
                ]),
            RuleCase(
                "a fragment seen under defer is seen again without",
                """
                subscription {
                  ...Emails @defer(label: "a")
                  ...Emails
                  ...Emails
                }
                fragment Emails on SubscriptionRoot {
                  importantEmails
                  spamEmails
                }
                """,
                [
                    ("Anonymous Subscription must select only one top level field.", [(8, 3), (8, 3)]),
                ]),
            RuleCase(
                "queries and mutations are not checked",
                """
                query { dog { name } cat { name } }
                mutation { renameDog(name: "x") { name } __typename }
                """,
                []),
        ])
    }

    func testValidationSchemaWithoutSubscriptionType() throws {
        let schema = try ValidationTestSchema.build(
            """
            type Query { a: String b: String }
            """)
        try assertRule(SingleFieldSubscriptionsRule.self, schema: schema, [
            RuleCase(
                "ignores subscriptions when the schema has no subscription type",
                """
                subscription { a b __typename }
                """,
                []),
        ])
    }
}
