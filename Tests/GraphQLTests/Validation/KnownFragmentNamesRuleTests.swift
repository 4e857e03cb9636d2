import XCTest
@testable import GraphQL

/// Fragment Spread Target Defined.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class KnownFragmentNamesRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(KnownFragmentNamesRule.self, [
            RuleCase(
                "known fragment names are valid",
                """
                {
                  human(id: 4) {
                    ...HumanFields1
                    ... on Human {
                      ...HumanFields2
                    }
                    ... {
                      name
                    }
                  }
                }
                fragment HumanFields1 on Human {
                  name
                  ...HumanFields3
                }
                fragment HumanFields2 on Human {
                  name
                }
                fragment HumanFields3 on Human {
                  name
                }
                """,
                []),
            RuleCase(
                "unknown fragment names are invalid",
                """
                {
                  human(id: 4) {
                    ...UnknownFragment1
                    ... on Human {
                      ...UnknownFragment2
                    }
                  }
                }
                fragment HumanFields on Human {
                  name
                  ...UnknownFragment3
                }
                """,
                [
                    ("Unknown fragment 'UnknownFragment1'.", [(3, 8)]),
                    ("Unknown fragment 'UnknownFragment2'.", [(5, 10)]),
                    ("Unknown fragment 'UnknownFragment3'.", [(11, 6)]),
                ]),
        ])
    }
}
