// Subscriptions: the source stream belongs to the server (it maps the root field and its
// arguments to a topic); this file prepares the operation once and executes each event
// synchronously to the bytes of the `payload` object, shared by every subscriber with the
// same document and variables.

/// A subscription operation ready for its events: the root field, its coerced arguments
/// (what the server turns into a topic) and the plan for the selection below it.
public final class PreparedSubscription: Sendable {
    /// The root field's name (not its alias), e.g. `newMessage`.
    public let rootFieldName: String
    /// The key of the root field in `data`: its alias, or its name.
    public let responseKey: String
    /// The root field's coerced arguments, defaults applied.
    public let arguments: JSONObject
    public let operation: PreparedOperation
    let rootField: FieldPlan
    /// `{"data":{"<key>":`, encoded once.
    private let prefix: [UInt8]

    init(operation: PreparedOperation, rootField: FieldPlan, arguments: JSONObject) {
        self.operation = operation
        self.rootField = rootField
        self.rootFieldName = rootField.fieldName
        self.responseKey = rootField.responseKey
        self.arguments = arguments
        var p: [UInt8] = Array(#"{"data":{"#.utf8)
        p.append(contentsOf: rootField.keyBytes)
        self.prefix = p
    }

    /// The `payload` of one `next` message for `event`, the root field's value:
    /// `{"data":{"newMessage":{…}}}`, with `"errors"` when a field failed.
    /// Synchronous: registered `async` resolvers below the root are field errors here.
    public func execute(event: some GraphQLObjectValue, context: any Sendable = (), resolvers: Resolvers = Resolvers()) -> [UInt8] {
        execute(eventValue: .object(event), context: context, resolvers: resolvers)
    }

    /// As `execute(event:)` for an event given as any value (JSON, a list, null).
    public func execute(eventValue: GraphQLValue, context: any Sendable = (), resolvers: Resolvers = Resolvers()) -> [UInt8] {
        var executor = ByteExecutor(plan: operation.context, contextValue: context, resolvers: resolvers, capacity: 256)
        executor.out.append(contentsOf: prefix)
        executor.path.append(.key(responseKey))
        let mark = executor.out.count
        var dataIsNull = false
        do {
            try executor.writeValue(rootField.definition.type, field: rootField, value: eventValue)
        } catch {
            let located = locatedError(
                error, nodes: rootField.locations, path: [.key(responseKey)], source: operation.context.source)
            executor.errors.append(located)
            if rootField.definition.type.isNonNull {
                dataIsNull = true
            } else {
                executor.out.removeSubrange(mark...)
                JSONWriter.writeNull(into: &executor.out)
            }
        }
        var out = executor.out
        if dataIsNull {
            out.removeSubrange(8...)  // after `{"data":`
            JSONWriter.writeNull(into: &out)
        } else {
            out.append(UInt8(ascii: "}"))
        }
        if !executor.errors.isEmpty {
            out.append(contentsOf: #","errors":"#.utf8)
            encodeErrors(executor.errors, into: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }
}

/// Prepares a subscription: selects the operation (which must be a subscription), coerces
/// the variables, finds the single root field and coerces its arguments.
public func prepareSubscription(
    schema: Schema, document: Document, operationName: String? = nil, variables: JSONObject = [:]
) throws(GraphQLErrors) -> PreparedSubscription {
    let prepared = try prepareOperation(schema: schema, document: document, operationName: operationName, variables: variables)
    let context = prepared.context
    guard prepared.operationType == .subscription else {
        throw GraphQLErrors([GraphQLError("Expected subscription operation.")])
    }
    guard let rootType = schema.subscriptionType, let rootPlan = prepared.rootPlan else {
        throw GraphQLErrors([
            GraphQLError(
                "Schema is not configured to execute subscription operation.", source: context.source,
                nodes: [context.operation.loc])
        ])
    }
    var grouped: [(key: String, nodes: [Field])] = []
    var index: [String: Int] = [:]
    var visited: Set<String> = []
    collectFields(
        context: context, type: rootType, selectionSet: context.operation.selectionSet, into: &grouped, index: &index,
        visited: &visited)
    guard let first = grouped.first else {
        throw GraphQLErrors([GraphQLError("Expected a root field in the subscription operation.")])
    }
    guard let field = rootPlan.fields.first(where: { $0.responseKey == first.key }), field.kind == .regular else {
        throw GraphQLErrors([
            GraphQLError(
                "The subscription field '\(first.nodes[0].name.value)' is not defined.", source: context.source,
                nodes: first.nodes.map(\.loc))
        ])
    }
    switch field.arguments(in: context) {
    case .success(let arguments):
        return PreparedSubscription(operation: prepared, rootField: field, arguments: arguments)
    case .failure(let error):
        throw GraphQLErrors([
            locatedError(error, nodes: field.locations, path: [.key(field.responseKey)], source: context.source)
        ])
    }
}
