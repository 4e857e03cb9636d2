import Chat
import FuzzSupport
import GraphQL
import Switchboard

// Input: the bytes of a GraphQL document (any bytes: the lexer must reject invalid UTF-8 with
// an error, not trap). What must hold:
// - parsing returns a document or a located error, never traps;
// - a document that parses prints to text that parses again and prints the same (the printer
//   is what error messages and the `check` command show);
// - validation against the chat schema finishes for any document that parses;
// - a valid document executes with the chat resolvers (a publisher, an in-memory store) to a
//   result that encodes as JSON; a valid subscription executes one event of its root field to
//   the `payload` bytes the fan-out shares, which must be a JSON object with `data`;
// - a document with type definitions either builds a schema or reports why;
// - a lone value and a lone type parse or fail cleanly too.

let application = ChatApplication()
let schema = application.schema

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphQL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    checkDocument(bytes)
    checkValueAndType(bytes)
    return 0
}

func checkDocument(_ bytes: [UInt8]) {
    let document: Document
    do {
        document = try parseDocument(Source(bytes: bytes))
    } catch {
        checkLocations(error, bytes)
        return
    }
    let printed = printDocument(document)
    let reparsed: Document
    do {
        reparsed = try parseDocument(Source(printed))
    } catch {
        require(false, "printed document does not parse: \(error)\n--- printed:\n\(printed)")
        return
    }
    let reprinted = printDocument(reparsed)
    require(reprinted == printed, "printing is not stable:\n--- first:\n\(printed)\n--- second:\n\(reprinted)")

    let errors = validate(schema: schema, document: document)
    for error in errors {
        checkLocations(error, bytes)
    }
    if errors.isEmpty { checkExecution(document) }
    let hasTypeSystem = document.definitions.contains {
        switch $0 {
        case .operation, .fragment: return false
        default: return true
        }
    }
    if hasTypeSystem {
        do {
            let built = try buildSchema(document: document)
            _ = printSchema(built)
        } catch {
            for e in error.errors { checkLocations(e, bytes) }
        }
    }
}

func checkValueAndType(_ bytes: [UInt8]) {
    if let value = try? parseValue(Source(bytes: bytes)) {
        let printed = printValue(value)
        require((try? parseValue(Source(printed))) != nil, "printed value does not parse: \(printed)")
    }
    if let type = try? parseType(Source(bytes: bytes)) {
        let printed = printType(type)
        require((try? parseType(Source(printed))) != nil, "printed type does not parse: \(printed)")
    }
}

/// Every location an error names lies in the source: line 1…(lines), column ≥ 1.
func checkLocations(_ error: GraphQLError, _ bytes: [UInt8]) {
    let lines = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") || $1 == UInt8(ascii: "\r") ? 1 : 0) }
    for location in error.locations {
        require(
            location.line >= 1 && location.line <= lines && location.column >= 1,
            "error '\(error.message)' at \(location) outside a source of \(lines) line(s)")
    }
}

/// Runs every operation of a valid document once.
func checkExecution(_ document: Document) {
    for operation in document.operations {
        let name = operation.name?.value
        if operation.operation == .subscription {
            checkSubscriptionEvent(document, operationName: name)
            continue
        }
        let prepared: PreparedOperation
        do {
            prepared = try prepareOperation(schema: schema, document: document, operationName: name)
        } catch {
            continue  // required variables without values, an ambiguous anonymous operation, …
        }
        let context = RequestContext(
            identity: Identity(role: .publisher, userID: "backend", name: "Fuzz"), store: InMemoryStore(),
            publish: { _ in })
        let result = runBlocking { await prepared.execute(rootValue: .null, context: context, resolvers: application.resolvers) }
        let encoded = result.encoded()
        guard case .object? = try? JSON.parse(encoded) else {
            require(false, "result is not a JSON object: \(String(decoding: encoded, as: UTF8.self))")
            return
        }
    }
}

/// Text that JSON must escape, for the event values below.
let awkward = "quote \" backslash \\ nul \u{0} tab \t é 🙂 \u{2028} \u{7F}"

func checkSubscriptionEvent(_ document: Document, operationName: String?) {
    let prepared: PreparedSubscription
    do {
        prepared = try prepareSubscription(schema: schema, document: document, operationName: operationName)
    } catch {
        return
    }
    let event: GraphQLValue
    do {
        switch prepared.rootFieldName {
        case "newMessage":
            let payload = try ChatMessagePayload(chatId: "c-\(awkward)", content: awkward, senderName: awkward)
            event = .object(MessageValue(id: 42, payload: payload, createdAt: "2026-01-01T00:00:00.000Z"))
        case "notifications":
            let payload = try NotificationPayload(userId: "u1", message: awkward, callback: nil)
            event = .object(NotificationValue(id: 7, payload: payload, createdAt: "2026-01-01T00:00:00.000Z"))
        default:
            return
        }
    } catch {
        require(false, "the fuzz target's own event values are refused: \(error)")
        return
    }
    let bytes = prepared.execute(eventValue: event, context: (), resolvers: application.resolvers)
    guard case .object(let payload)? = try? JSON.parse(bytes), payload["data"] != nil else {
        require(false, "event payload is not a JSON object with data: \(String(decoding: bytes, as: UTF8.self))")
        return
    }
}
