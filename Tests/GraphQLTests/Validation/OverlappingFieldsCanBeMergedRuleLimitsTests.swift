import XCTest
@testable import GraphQL

/// OverlappingFieldsCanBeMergedRule on hostile documents: the work stays bounded
/// (graphql-core's budget gives `Validation aborted.`), fragment cycles end, and the
/// error limit applies. Expectations from graphql-core 3.3.2: the number of errors and
/// the first three and last of them.
final class OverlappingFieldsCanBeMergedRuleLimitsTests: XCTestCase {
    struct LimitCase {
        let name: String
        let document: String
        let count: Int
        let firstAndLast: [String]

        init(_ name: String, _ document: String, count: Int, firstAndLast: [String]) {
            self.name = name
            self.document = document
            self.count = count
            self.firstAndLast = firstAndLast
        }
    }

    func testValidationLimits() throws {
        let cases = [
            LimitCase("many identical leaves", "{ " + String(repeating: "field ", count: 2000) + "}", count: 1, firstAndLast: ["Validation aborted. @ "]),
            LimitCase("many identical leaves with arguments", "{ " + String(repeating: "field(a: \"x\") ", count: 1000) + "}", count: 1, firstAndLast: ["Validation aborted. @ "]),
            LimitCase("many conflicting fields", "{ " + (0..<200).map { "x: f\($0)" }.joined(separator: " ") + " }", count: 101, firstAndLast: ["Fields 'x' conflict because 'f0' and 'f1' are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:3, 1:9", "Fields 'x' conflict because 'f0' and 'f2' are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:3, 1:15", "Fields 'x' conflict because 'f0' and 'f3' are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:3, 1:21", "Too many validation errors, error limit reached. Validation aborted. @ "]),
            LimitCase("fragment cycle", "{ ...F0 }\n" + (0..<100).map { "fragment F\($0) on Query { x: field(a: \"\($0 % 3)\") ...F\(($0 + 1) % 100) }" }.joined(separator: "\n"), count: 101, firstAndLast: ["Fields 'x' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 2:24, 3:24", "Fields 'x' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 2:24, 4:24", "Fields 'x' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 2:24, 6:24", "Too many validation errors, error limit reached. Validation aborted. @ "]),
            LimitCase("many fragments", "{ " + (0..<200).map { "...F\($0)" }.joined(separator: " ") + " }\n" + (0..<200).map { "fragment F\($0) on Query { x: field(a: \"\($0 % 2)\") }" }.joined(separator: "\n"), count: 101, firstAndLast: ["Fields 'x' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 2:24, 3:24", "Fields 'x' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 2:24, 5:24", "Fields 'x' conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional. @ 2:24, 7:24", "Too many validation errors, error limit reached. Validation aborted. @ "]),
            LimitCase("deep nesting through a fragment", "{ " + String(repeating: "dog { ...D ", count: 60) + "name" + String(repeating: " }", count: 60) + " }\nfragment D on Dog { name: nickname mother { ...D } }", count: 1, firstAndLast: ["Fields 'name' conflict because 'name' and 'nickname' are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 1:663, 2:21"]),
        ]
        for testCase in cases {
            let document = try parseDocument(Source(testCase.document))
            let start = ContinuousClock.now
            let errors = validate(schema: validationSchemaB, document: document, rules: [OverlappingFieldsCanBeMergedRule.self])
            let elapsed = ContinuousClock.now - start
            let printed = errors.map { error in
                error.message + " @ " + error.locations.map { "\($0.line):\($0.column)" }.joined(separator: ", ")
            }
            XCTAssertEqual(printed.count, testCase.count, testCase.name)
            let sample = Array(printed.prefix(3)) + (printed.count > 3 ? [printed[printed.count - 1]] : [])
            XCTAssertEqual(sample, testCase.firstAndLast, testCase.name)
            // Generous even for debug builds on a shared machine: the point is "not quadratic".
            XCTAssertLessThan(elapsed, .seconds(10), testCase.name)
        }
    }
}
