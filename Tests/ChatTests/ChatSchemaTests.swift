import Foundation
import GraphQL
import Switchboard
import XCTest

@testable import Chat

final class ChatSchemaTests: XCTestCase {
    /// The binary embeds the SDL; the file is what people and `switchboard check` read.
    func testEmbeddedSDLEqualsSchemaFileByteForByte() throws {
        let file = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Schema/chat.graphql")
        let bytes = try Data(contentsOf: file)
        XCTAssertEqual(Array(ChatSchema.sdl.utf8), Array(bytes))
    }

    func testSchemaHasTheContractsRootFields() {
        let schema = ChatApplication().schema
        XCTAssertEqual(schema.queryType?.name, "Query")
        XCTAssertEqual(schema.mutationType?.name, "Mutation")
        XCTAssertEqual(schema.subscriptionType?.name, "Subscription")
    }

    /// Every query and mutation field has a registered resolver; the object types are read
    /// by the default resolver from the values in EventValues.swift.
    func testEveryQueryAndMutationFieldHasAResolver() {
        let resolvers = ChatApplication().resolvers
        for coordinate in ["Query.messages", "Query.me", "Mutation.postMessage", "Mutation.notifyUser"] {
            XCTAssertNotNil(resolvers[coordinate], coordinate)
        }
        XCTAssertNotNil(resolvers.mapError)
    }

    /// A resolver error that is not a GraphQLError becomes the generic internal error and
    /// its detail goes to the log.
    func testMapErrorHidesTheDetailAndReportsIt() throws {
        let reported = Locked<[String]>([])
        let app = ChatApplication(reportFailure: { failure in reported.withLock { $0.append(failure.description) } })
        let mapError = try XCTUnwrap(app.resolvers.mapError)
        let error = mapError(StoreError(.other, "/secret/path/store.sqlite: disk I/O error"))
        XCTAssertEqual(error.message, "Internal server error.")
        XCTAssertEqual(error.code, "INTERNAL_SERVER_ERROR")
        XCTAssertEqual(reported.current, ["/secret/path/store.sqlite: disk I/O error"])
    }
}
