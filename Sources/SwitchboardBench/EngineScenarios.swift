import GraphQL

/// The engine's two hot operations, each beside a baseline doing the least work the
/// server must do anyway for the same input, measured in the same run:
///
/// - parse+validate of a `newMessage` subscription document, against decoding the
///   graphql-transport-ws `subscribe` message that carries it (JSON.parse);
/// - executing one event against the subscription's selection to payload bytes, against
///   encoding the same event as a plain JSON object (no GraphQL at all).
///
/// Ratios tell how much the GraphQL layer costs over bare JSON on whatever machine runs
/// them; the absolute figures are compared with the targets (20 µs, 3 µs).
enum EngineScenarios {
    static let document = """
        subscription OnMessage($chatId: ID!) {
          newMessage(chatId: $chatId) {
            id
            chatId
            content
            senderName
            createdAt
          }
        }
        """

    struct Message: GraphQLObjectValue {
        let id: String
        let chatId: String
        let content: String
        let senderName: String
        let createdAt: String

        func fieldValue(_ name: String) -> GraphQLValue {
            switch name {
            case "id": return .string(id)
            case "chatId": return .string(chatId)
            case "content": return .string(content)
            case "senderName": return .string(senderName)
            case "createdAt": return .string(createdAt)
            default: return .null
            }
        }
    }

    static func run(seconds: Double) throws -> [ScenarioResult] {
        let sdl = try readSchema()
        let schema = try buildSchema(Source(sdl, name: "Schema/chat.graphql"))

        // parse + validate
        var subscribeMessage = JSONObject()
        subscribeMessage.append("id", .string("1"))
        subscribeMessage.append("type", .string("subscribe"))
        subscribeMessage.append("payload", .object([
            "query": .string(document),
            "variables": .object(["chatId": .string("general")]),
        ]))
        let messageBytes = JSON.object(subscribeMessage).encoded()
        let baselineParse = measure("JSON.parse(subscribe message)", seconds: seconds) {
            blackHole(try? JSON.parse(messageBytes))
        }
        let parseValidate = measure("parse+validate", seconds: seconds) {
            let doc = try! parseDocument(Source(document))
            blackHole(validate(schema: schema, document: doc))
        }
        // Sanity: the document is valid, or the figure would be meaningless.
        let errors = validate(schema: schema, document: try parseDocument(Source(document)))
        precondition(errors.isEmpty, "benchmark document is invalid: \(errors)")

        // one event to payload bytes
        let prepared = try prepareSubscription(
            schema: schema, document: try parseDocument(Source(document)), operationName: nil,
            variables: ["chatId": .string("general")])
        let event = Message(
            id: "1024", chatId: "general", content: "Hello, \"world\" — café ☕️",
            senderName: "ada", createdAt: "2026-11-25T10:00:00.123Z")
        var plain = JSONObject()
        plain.append("id", .string(event.id))
        plain.append("chatId", .string(event.chatId))
        plain.append("content", .string(event.content))
        plain.append("senderName", .string(event.senderName))
        plain.append("createdAt", .string(event.createdAt))
        let plainJSON = JSON.object(plain)
        let baselineEncode = measure("JSON encode(event)", seconds: seconds) {
            blackHole(plainJSON.encoded())
        }
        let execute = measure("execute event → payload bytes", seconds: seconds) {
            blackHole(prepared.execute(event: event))
        }
        let payload = String(decoding: prepared.execute(event: event), as: UTF8.self)
        precondition(payload.hasPrefix(#"{"data":{"newMessage":{"id":"1024""#), "unexpected payload \(payload)")

        return [
            ScenarioResult(
                name: "engine.parse-validate", subject: parseValidate, baseline: baselineParse,
                targetNanos: 20_000),
            ScenarioResult(
                name: "engine.event-execute", subject: execute, baseline: baselineEncode,
                targetNanos: 3_000),
        ]
    }

    static func readSchema() throws -> String {
        for path in ["Schema/chat.graphql", "../Schema/chat.graphql"] {
            if let text = readTextFile(path) { return text }
        }
        throw BenchError("cannot read Schema/chat.graphql: run from the repository's root")
    }
}
