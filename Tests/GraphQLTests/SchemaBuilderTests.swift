import XCTest

@testable import GraphQL

final class SchemaBuilderTests: XCTestCase {
    /// Schema/chat.graphql, the schema Switchboard serves.
    static var chatSDL: String {
        get throws {
            let url = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Schema/chat.graphql")
            return try String(contentsOf: url, encoding: .utf8)
        }
    }

    func testChatSchemaBuilds() throws {
        let schema = try buildSchema(Source(Self.chatSDL))
        XCTAssertEqual(schema.queryType?.name, "Query")
        XCTAssertEqual(schema.mutationType?.name, "Mutation")
        XCTAssertEqual(schema.subscriptionType?.name, "Subscription")
        // graphql-core's introspection order for this schema.
        XCTAssertEqual(schema.typeNames, ["Query", "ID", "Int", "Mutation", "String", "Subscription", "Message", "Notification", "NotificationKind", "User", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"])
        XCTAssertEqual(schema.directives.map(\.name), ["include", "skip", "deprecated", "specifiedBy", "oneOf"])
        let messages = try XCTUnwrap(schema.queryType?.field("messages"))
        XCTAssertEqual(messages.type.description, "[Message!]!")
        XCTAssertEqual(messages.arguments.map(\.name), ["chatId", "last", "before"])
        guard case .int("50", _) = messages.argument("last")?.defaultValue else {
            return XCTFail("default of last")
        }
        guard case .enumType(let kind) = schema.type(named: "NotificationKind") else { return XCTFail() }
        XCTAssertEqual(kind.values.map(\.name), ["ACTIONABLE", "FEEDBACK"])
        XCTAssertEqual(schema.possibleTypes(of: "Message"), ["Message"])
    }

    func testBuiltinsCarryGraphQLCoreDescriptions() throws {
        let schema = try buildSchema(Source("type Query { a: Int b: Float c: ID }"))
        guard case .scalar(let string) = schema.type(named: "String") else { return XCTFail() }
        XCTAssertEqual(
            string.description,
            "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text."
        )
        guard case .scalar(let id) = schema.type(named: "ID") else { return XCTFail() }
        XCTAssertEqual(
            id.description,
            "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID."
        )
        let deprecated = try XCTUnwrap(schema.directive(named: "deprecated"))
        XCTAssertEqual(deprecated.arguments.first?.type.description, "String!")
        XCTAssertEqual(deprecated.locations.map(\.rawValue), [
            "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE", "DIRECTIVE_DEFINITION",
        ])
        XCTAssertNotNil(schema.type(named: "__Directive"))
        XCTAssertNil(schema.type(named: "__Nope"))
    }

    func testUnusedStandardScalarsAreLeftOut() throws {
        let schema = try buildSchema(Source("type Query { a: String }"))
        XCTAssertEqual(schema.typeNames.filter { !$0.hasPrefix("__") }, ["Query", "String", "Boolean"])
    }

    func testDirectivesSetDeprecationSpecifiedByAndOneOf() throws {
        let sdl = """
            scalar Date @specifiedBy(url: "https://example.com/date")
            enum E { A B @deprecated C @deprecated(reason: "use A") }
            input Choice @oneOf { a: Int b: String }
            input In { x: Int @deprecated(reason: "x is old") }
            type Query {
              old(arg: Int @deprecated): String @deprecated(reason: "gone")
              e(c: Choice, i: In, d: Date): E
            }
            directive @legacy @deprecated on FIELD
            """
        let schema = try buildSchema(Source(sdl))
        guard case .scalar(let date) = schema.type(named: "Date") else { return XCTFail() }
        XCTAssertEqual(date.specifiedByURL, "https://example.com/date")
        guard case .enumType(let e) = schema.type(named: "E") else { return XCTFail() }
        XCTAssertEqual(e.values.map(\.deprecationReason), [nil, "No longer supported", "use A"])
        guard case .inputObject(let choice) = schema.type(named: "Choice") else { return XCTFail() }
        XCTAssertTrue(choice.isOneOf)
        guard case .inputObject(let input) = schema.type(named: "In") else { return XCTFail() }
        XCTAssertFalse(input.isOneOf)
        XCTAssertEqual(input.field("x")?.deprecationReason, "x is old")
        let old = try XCTUnwrap(schema.queryType?.field("old"))
        XCTAssertEqual(old.deprecationReason, "gone")
        XCTAssertEqual(old.argument("arg")?.deprecationReason, "No longer supported")
        XCTAssertEqual(schema.directive(named: "legacy")?.deprecationReason, "No longer supported")
        XCTAssertEqual(schema.directives.map(\.name), ["legacy", "include", "skip", "deprecated", "specifiedBy", "oneOf"])
    }

    func testExtensionsAreMerged() throws {
        let sdl = """
            type Query { a: String }
            extend type Query { b: Int }
            interface I { x: Int }
            extend type Query implements I { x: Int }
            enum E { A }
            extend enum E { B }
            union U = Query
            type Other { o: Int }
            extend union U = Other
            input In { a: Int }
            extend input In { b: String }
            scalar S
            extend scalar S @specifiedBy(url: "https://example.com")
            directive @d on FIELD
            extend directive @d @deprecated(reason: "later")
            """
        let schema = try buildSchema(Source(sdl))
        let query = try XCTUnwrap(schema.queryType)
        XCTAssertEqual(query.fields.map(\.name), ["a", "b", "x"])
        XCTAssertEqual(query.interfaces, ["I"])
        guard case .enumType(let e) = schema.type(named: "E") else { return XCTFail() }
        XCTAssertEqual(e.values.map(\.name), ["A", "B"])
        guard case .union(let u) = schema.type(named: "U") else { return XCTFail() }
        XCTAssertEqual(u.types, ["Query", "Other"])
        guard case .inputObject(let input) = schema.type(named: "In") else { return XCTFail() }
        XCTAssertEqual(input.fields.map(\.name), ["a", "b"])
        guard case .scalar(let s) = schema.type(named: "S") else { return XCTFail() }
        XCTAssertEqual(s.specifiedByURL, "https://example.com")
        XCTAssertEqual(schema.directive(named: "d")?.deprecationReason, "later")
        XCTAssertEqual(schema.possibleTypes(of: "I"), ["Query"])
        XCTAssertEqual(schema.possibleTypes(of: "U"), ["Query", "Other"])
    }

    func testRootTypesFromSchemaDefinitionAndExtension() throws {
        let schema = try buildSchema(
            Source(
                """
                schema { query: Root }
                extend schema { subscription: Events }
                type Root { a: String }
                type Events { e: String }
                type Mutation { m: String }
                """))
        XCTAssertEqual(schema.queryType?.name, "Root")
        XCTAssertEqual(schema.subscriptionType?.name, "Events")
        // With a schema definition, a type named Mutation is not a root by convention.
        XCTAssertNil(schema.mutationType)
    }

    func testIntrospectionDefinitions() {
        XCTAssertEqual(
            IntrospectionTypes.all.map(\.name),
            ["__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"])
        XCTAssertEqual(
            IntrospectionTypes.type.fields.map(\.name),
            ["kind", "name", "description", "specifiedByURL", "fields", "interfaces", "possibleTypes", "enumValues",
             "inputFields", "ofType", "isOneOf"])
        XCTAssertEqual(IntrospectionTypes.type.field("fields")?.arguments.first?.type.description, "Boolean!")
        XCTAssertEqual(IntrospectionTypes.directiveLocation.values.count, 21)
        XCTAssertEqual(IntrospectionMetaFields.type.type.description, "__Type")
        XCTAssertEqual(IntrospectionMetaFields.typename.description, "The name of the current Object type at runtime.")
    }
}
