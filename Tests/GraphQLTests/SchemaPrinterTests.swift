import XCTest

@testable import GraphQL

/// printSchema against graphql-core 3.3.2's print_schema (expected texts produced by it),
/// plus the round trip SDL → schema → SDL → schema → SDL.
final class SchemaPrinterTests: XCTestCase {
    static let cases: [(name: String, sdl: String, printed: String, types: [String])] = [
        (
            "interfaces",
            sdl: #"""

        interface Node { id: ID! }
        interface Named implements Node { id: ID! name(upper: Boolean = false): String }
        type User implements Node & Named { id: ID! name(upper: Boolean = false, locale: String): String friends(first: Int = 10, after: String): [User!]! }
        type Query { node(id: ID!): Node users: [User] }

        """#,
            printed: #"""
        interface Node {
          id: ID!
        }

        interface Named implements Node {
          id: ID!
          name(upper: Boolean = false): String
        }

        type User implements Node & Named {
          id: ID!
          name(upper: Boolean = false, locale: String): String
          friends(first: Int = 10, after: String): [User!]!
        }

        type Query {
          node(id: ID!): Node
          users: [User]
        }
        """#,
            types: ["Node", "ID", "Named", "String", "Boolean", "User", "Int", "Query", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"]
        ),
        (
            "unions_enums",
            sdl: #"""

        """A search result"""
        union SearchResult = Photo | Person
        type Photo { width: Int height: Int }
        type Person { name: String }
        "Colours we know"
        enum Colour {
          "The red one"
          RED
          GREEN @deprecated
          BLUE @deprecated(reason: "Use \"CYAN\" instead")
        }
        type Query { search(term: String!, colour: Colour = RED): [SearchResult!] }

        """#,
            printed: #"""
        """A search result"""
        union SearchResult = Photo | Person

        type Photo {
          width: Int
          height: Int
        }

        type Person {
          name: String
        }

        """Colours we know"""
        enum Colour {
          """The red one"""
          RED
          GREEN @deprecated
          BLUE @deprecated(reason: "Use \"CYAN\" instead")
        }

        type Query {
          search(term: String!, colour: Colour = RED): [SearchResult!]
        }
        """#,
            types: ["SearchResult", "Photo", "Int", "Person", "String", "Colour", "Query", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"]
        ),
        (
            "inputs_directives",
            sdl: #"""

        """
        Directive with a description
        spanning lines
        """
        directive @auth(
          "Required role"
          role: String = "admin"
          scopes: [String!] = ["read", "write"]
        ) repeatable on FIELD_DEFINITION | OBJECT
        directive @old @deprecated(reason: "gone") on FIELD
        scalar DateTime @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
        input Filter { after: DateTime, limit: Int = 20 @deprecated(reason: "no"), tags: [String!] = [], nested: Filter, where: Point = {x: 1, y: 2.5} }
        input Point { x: Int y: Float }
        input Choice @oneOf { a: String b: Int }
        type Query @auth { events(filter: Filter, choice: Choice): [String] @auth(role: "user") old(a: Int @deprecated): String @deprecated }

        """#,
            printed: #"""
        """
        Directive with a description
        spanning lines
        """
        directive @auth(
          """Required role"""
          role: String = "admin"
          scopes: [String!] = ["read", "write"]
        ) repeatable on FIELD_DEFINITION | OBJECT

        directive @old @deprecated(reason: "gone") on FIELD

        scalar DateTime @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")

        input Filter {
          after: DateTime
          limit: Int = 20 @deprecated(reason: "no")
          tags: [String!] = []
          nested: Filter
          where: Point = { x: 1, y: 2.5 }
        }

        input Point {
          x: Int
          y: Float
        }

        input Choice @oneOf {
          a: String
          b: Int
        }

        type Query {
          events(filter: Filter, choice: Choice): [String]
          old(a: Int @deprecated): String @deprecated
        }
        """#,
            types: ["DateTime", "Filter", "Int", "String", "Point", "Float", "Choice", "Query", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"]
        ),
        (
            "custom_roots",
            sdl: #"""

        schema { query: Root mutation: Change }
        type Root { a: String }
        type Change { b: String }

        """#,
            printed: #"""
        schema {
          query: Root
          mutation: Change
        }

        type Root {
          a: String
        }

        type Change {
          b: String
        }
        """#,
            types: ["Root", "String", "Change", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"]
        ),
        (
            "described_schema",
            sdl: #"""

        """The schema"""
        schema { query: Query }
        type Query { a: String }

        """#,
            printed: #"""
        """The schema"""
        schema {
          query: Query
        }

        type Query {
          a: String
        }
        """#,
            types: ["Query", "String", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"]
        ),
        (
            "extensions",
            sdl: #"""

        type Query { a: String }
        extend type Query { b: Int }
        interface I { x: Int }
        extend type Query implements I { x: Int }
        enum E { A }
        extend enum E { B }
        input In { a: Int }
        extend input In { b: String }
        union U = Query
        type Other { o: Int }
        extend union U = Other
        scalar S
        extend scalar S @specifiedBy(url: "https://example.com")
        type Mutation { m: E }
        extend schema { subscription: Sub }
        type Sub { s(i: In, u: String): U }

        """#,
            printed: #"""
        schema {
          query: Query
          mutation: Mutation
          subscription: Sub
        }

        type Query implements I {
          a: String
          b: Int
          x: Int
        }

        interface I {
          x: Int
        }

        enum E {
          A
          B
        }

        input In {
          a: Int
          b: String
        }

        union U = Query | Other

        type Other {
          o: Int
        }

        scalar S @specifiedBy(url: "https://example.com")

        type Mutation {
          m: E
        }

        type Sub {
          s(i: In, u: String): U
        }
        """#,
            types: ["Query", "String", "Int", "I", "E", "In", "U", "Other", "S", "Mutation", "Sub", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"]
        ),
        (
            "descriptions",
            sdl: #"""

        type Query {
          """
          Multi-line
            indented second line
          """
          a: String
          "Has \"quotes\" and a trailing quote\""
          b(
            "arg desc"
            x: Int
            y: String = """block default"""
          ): String
          "  leading space"
          c: String
          "A very long description that goes on and on for more than seventy characters total."
          d: [[String!]]!
        }

        """#,
            printed: #"""
        type Query {
          """
          Multi-line
            indented second line
          """
          a: String

          """
          Has "quotes" and a trailing quote"
          """
          b(
            """arg desc"""
            x: Int
            y: String = """block default"""
          ): String

          """  leading space"""
          c: String

          """
          A very long description that goes on and on for more than seventy characters total.
          """
          d: [[String!]]!
        }
        """#,
            types: ["Query", "String", "Int", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"]
        ),
        (
            "long_defaults",
            sdl: #"""

        input In { a: Int b: String }
        type Query { f(list: [String] = ["aaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc", "dddddddddddd", "eeeeeeeeeeee", "ffff"], obj: In = {a: 1000000000, b: "a fairly long string value that needs wrapping"}): Int }

        """#,
            printed: #"""
        input In {
          a: Int
          b: String
        }

        type Query {
          f(list: [String] = [
          "aaaaaaaaaa"
          "bbbbbbbbbbbb"
          "cccccccccccc"
          "dddddddddddd"
          "eeeeeeeeeeee"
          "ffff"
        ], obj: In = { a: 1000000000, b: "a fairly long string value that needs wrapping" }): Int
        }
        """#,
            types: ["In", "Int", "String", "Query", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"]
        ),
    ]

    func testPrintSchemaMatchesGraphQLCore() throws {
        for c in Self.cases {
            let schema = try buildSchema(Source(c.sdl))
            XCTAssertEqual(printSchema(schema), c.printed, c.name)
        }
    }

    /// Introspection lists types in graphql-core's collection order.
    func testTypeOrderMatchesGraphQLCore() throws {
        for c in Self.cases {
            let schema = try buildSchema(Source(c.sdl))
            XCTAssertEqual(schema.typeNames, c.types, c.name)
        }
    }

    func testPrintedSchemaRoundTrips() throws {
        for c in Self.cases {
            let printed = printSchema(try buildSchema(Source(c.sdl)))
            let reprinted = printSchema(try buildSchema(Source(printed)))
            XCTAssertEqual(reprinted, printed, c.name)
        }
    }

    /// The schema printer prints descriptions and reasons with the language printer's functions.
    func testBlockStringPrinting() {
        XCTAssertEqual(printBlockString("abc"), #""""abc""""#)
        XCTAssertEqual(printBlockString("a\nb"), "\"\"\"\na\nb\n\"\"\"")
        XCTAssertEqual(printBlockString("  lead"), #""""  lead""""#)
        XCTAssertEqual(printBlockString("say \"\"\"hi\"\"\""), "\"\"\"\nsay \\\"\"\"hi\\\"\"\"\n\"\"\"")
        XCTAssertFalse(isPrintableAsBlockString("\nleading newline"))
        XCTAssertFalse(isPrintableAsBlockString("trailing\n"))
        XCTAssertFalse(isPrintableAsBlockString("a\u{7}bell"))
        XCTAssertEqual(printString("tab\there \"q\" \\ \u{1}"), #""tab\there \"q\" \\ \u0001""#)
    }
}
