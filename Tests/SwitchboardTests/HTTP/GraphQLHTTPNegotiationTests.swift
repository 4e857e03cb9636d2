import XCTest

@testable import Switchboard

/// `Accept` and `Content-Type` parsing on their own, for the cases a request table would hide.
final class GraphQLHTTPNegotiationTests: XCTestCase {
    func testNegotiate() {
        let table: [(accept: String?, expected: GraphQLMediaType?)] = [
            (nil, .graphQLResponseJSON),
            ("", .graphQLResponseJSON),
            (" , ", .graphQLResponseJSON),
            ("*/*", .graphQLResponseJSON),
            ("application/json", .json),
            ("APPLICATION/GRAPHQL-RESPONSE+JSON", .graphQLResponseJSON),
            ("application/json, application/graphql-response+json", .graphQLResponseJSON),
            ("application/graphql-response+json, application/json", .graphQLResponseJSON),
            ("application/json;q=0.8, application/graphql-response+json;q=0.9", .graphQLResponseJSON),
            ("application/json;q=1.0, application/graphql-response+json;q=0.999", .graphQLResponseJSON),
            ("application/*;q=0.2, application/json;q=0.1", .graphQLResponseJSON),
            ("application/json;q=0.1, application/*;q=0.2", .graphQLResponseJSON),
            ("*/*;q=0", nil),
            ("application/*;q=0, application/json", .json),
            ("application/json;q=0", nil),
            ("text/*", .json),  // contract.md: "application/json otherwise"
            ("*/json", .json),  // not a valid range: skipped
            ("application", .json),
            ("application/json;q=", .json),
            ("application/json;q=1.5", .json),
            ("application/json;q=0.1234", .json),
            ("application/json;q=0.001", .json),
            ("application/graphql-response+json;q=0, application/json;q=0.1", .json),
            ("application/graphql-response+json;q=0.001, application/json", .graphQLResponseJSON),
            ("application/json;charset=UTF-8", .json),
            ("application/json;charset=utf-16, application/graphql-response+json;charset=utf-16", .json),
            // An accept-extension after q is not a media-type parameter.
            ("application/json;q=0.5;ext=1, application/graphql-response+json;q=0.4", .graphQLResponseJSON),
            (#"application/json;foo="a,b;q=0";q=0.3, application/graphql-response+json;q=0.2"#, .graphQLResponseJSON),
        ]
        for row in table {
            XCTAssertEqual(ContentNegotiation.negotiate(accept: row.accept), row.expected, "Accept: \(row.accept ?? "nil")")
        }
    }

    func testQValues() {
        let table: [(String, Int?)] = [
            ("1", 1000), ("1.", 1000), ("1.000", 1000), ("1.001", nil), ("0", 0), ("0.5", 500), ("0.05", 50),
            ("0.005", 5), ("0.0005", nil), ("2", nil), ("-1", nil), (".5", nil), ("0,5", nil), ("", nil),
        ]
        for (text, expected) in table { XCTAssertEqual(ContentNegotiation.parseQValue(text), expected, text) }
    }

    func testContentType() {
        XCTAssertEqual(ContentNegotiation.parseContentType("application/json").mediaType, "application/json")
        XCTAssertNil(ContentNegotiation.parseContentType("application/json").charset)
        let withCharset = ContentNegotiation.parseContentType(#" Application/JSON ; Charset="UTF-8" "#)
        XCTAssertEqual(withCharset.mediaType, "application/json")
        XCTAssertEqual(withCharset.charset, "utf-8")
        XCTAssertEqual(ContentNegotiation.parseContentType("text/plain;charset=latin1").charset, "latin1")
    }

    /// The common forms are answered without the general parse, and answered the same.
    func testCommonContentTypesParseAsInGeneral() {
        for header in ["application/json", "application/json; charset=utf-8", "application/json;charset=utf-8",
                       "application/json; charset=UTF-8"] {
            let quick = ContentNegotiation.parseContentType(header)
            let general = ContentNegotiation.parseContentTypeInGeneral(header)
            XCTAssertEqual(quick.mediaType, general.mediaType, header)
            XCTAssertEqual(quick.charset, general.charset, header)
        }
    }
}
