import XCTest
@testable import GraphQL

/// Fragment Spreads Must Not Form Cycles.
/// Cases ported from graphql-core 3.3.2's tests; the expected errors are what
/// graphql-core reports for each document.
final class NoFragmentCyclesRuleTests: XCTestCase {
    func testValidation() throws {
        try assertRule(NoFragmentCyclesRule.self, [
            RuleCase(
                "single reference is valid",
                """
                fragment fragA on Dog { ...fragB }
                fragment fragB on Dog { name }
                """,
                []),
            RuleCase(
                "spreading twice is not circular",
                """
                fragment fragA on Dog { ...fragB, ...fragB }
                fragment fragB on Dog { name }
                """,
                []),
            RuleCase(
                "spreading twice indirectly is not circular",
                """
                fragment fragA on Dog { ...fragB, ...fragC }
                fragment fragB on Dog { ...fragC }
                fragment fragC on Dog { name }
                """,
                []),
            RuleCase(
                "double spread within abstract types",
                """
                fragment nameFragment on Pet {
                  ... on Dog { name }
                  ... on Cat { name }
                }
                fragment spreadsInAnon on Pet {
                  ... on Dog { ...nameFragment }
                  ... on Cat { ...nameFragment }
                }
                """,
                []),
            RuleCase(
                "does not false positive on unknown fragment",
                """
                fragment nameFragment on Pet {
                  ...UnknownFragment
                }
                """,
                []),
            RuleCase(
                "spreading recursively within field fails",
                """
                fragment fragA on Human { relatives { ...fragA } },
                """,
                [
                    ("Cannot spread fragment 'fragA' within itself.", [(1, 39)]),
                ]),
            RuleCase(
                "no spreading itself directly",
                """
                fragment fragA on Dog { ...fragA }
                """,
                [
                    ("Cannot spread fragment 'fragA' within itself.", [(1, 25)]),
                ]),
            RuleCase(
                "no spreading itself directly within inline fragment",
                """
                fragment fragA on Pet {
                  ... on Dog {
                    ...fragA
                  }
                }
                """,
                [
                    ("Cannot spread fragment 'fragA' within itself.", [(3, 5)]),
                ]),
            RuleCase(
                "no spreading itself indirectly",
                """
                fragment fragA on Dog { ...fragB }
                fragment fragB on Dog { ...fragA }
                """,
                [
                    ("Cannot spread fragment 'fragA' within itself via 'fragB'.", [(1, 25), (2, 25)]),
                ]),
            RuleCase(
                "no spreading itself indirectly reports opposite order",
                """
                fragment fragB on Dog { ...fragA }
                fragment fragA on Dog { ...fragB }
                """,
                [
                    ("Cannot spread fragment 'fragB' within itself via 'fragA'.", [(1, 25), (2, 25)]),
                ]),
            RuleCase(
                "no spreading itself indirectly within inline fragment",
                """
                fragment fragA on Pet {
                  ... on Dog {
                    ...fragB
                  }
                }
                fragment fragB on Pet {
                  ... on Dog {
                    ...fragA
                  }
                }
                """,
                [
                    ("Cannot spread fragment 'fragA' within itself via 'fragB'.", [(3, 5), (8, 5)]),
                ]),
            RuleCase(
                "no spreading itself deeply",
                """
                fragment fragA on Dog { ...fragB }
                fragment fragB on Dog { ...fragC }
                fragment fragC on Dog { ...fragO }
                fragment fragX on Dog { ...fragY }
                fragment fragY on Dog { ...fragZ }
                fragment fragZ on Dog { ...fragO }
                fragment fragO on Dog { ...fragP }
                fragment fragP on Dog { ...fragA, ...fragX }
                """,
                [
                    ("Cannot spread fragment 'fragA' within itself via 'fragB', 'fragC', 'fragO', 'fragP'.", [(1, 25), (2, 25), (3, 25), (7, 25), (8, 25)]),
                    ("Cannot spread fragment 'fragO' within itself via 'fragP', 'fragX', 'fragY', 'fragZ'.", [(7, 25), (8, 35), (4, 25), (5, 25), (6, 25)]),
                ]),
            RuleCase(
                "no spreading itself deeply two paths",
                """
                fragment fragA on Dog { ...fragB, ...fragC }
                fragment fragB on Dog { ...fragA }
                fragment fragC on Dog { ...fragA }
                """,
                [
                    ("Cannot spread fragment 'fragA' within itself via 'fragB'.", [(1, 25), (2, 25)]),
                    ("Cannot spread fragment 'fragA' within itself via 'fragC'.", [(1, 35), (3, 25)]),
                ]),
            RuleCase(
                "no spreading itself deeply two paths -- alt traverse order",
                """
                fragment fragA on Dog { ...fragC }
                fragment fragB on Dog { ...fragC }
                fragment fragC on Dog { ...fragA, ...fragB }
                """,
                [
                    ("Cannot spread fragment 'fragA' within itself via 'fragC'.", [(1, 25), (3, 25)]),
                    ("Cannot spread fragment 'fragC' within itself via 'fragB'.", [(3, 35), (2, 25)]),
                ]),
            RuleCase(
                "no spreading itself deeply and immediately",
                """
                fragment fragA on Dog { ...fragB }
                fragment fragB on Dog { ...fragB, ...fragC }
                fragment fragC on Dog { ...fragA, ...fragB }
                """,
                [
                    ("Cannot spread fragment 'fragB' within itself.", [(2, 25)]),
                    ("Cannot spread fragment 'fragA' within itself via 'fragB', 'fragC'.", [(1, 25), (2, 35), (3, 25)]),
                    ("Cannot spread fragment 'fragB' within itself via 'fragC'.", [(2, 35), (3, 35)]),
                ]),
        ])
    }
}
