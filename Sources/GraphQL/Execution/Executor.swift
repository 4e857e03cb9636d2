// Executing queries and mutations (the specification's "Execution" section): operation
// selection, variable coercion, then the fields of the root type — serially for a mutation,
// in order for a query as well (the specification allows it, and it keeps errors ordered).

/// Executes an operation of a validated document.
///
/// `variables` are the request's raw values; coercion errors are request errors (no
/// `data`). Resolvers may be synchronous or `async`; execution only suspends for async ones.
public func execute(
    schema: Schema,
    document: Document,
    operationName: String? = nil,
    variables: JSONObject = [:],
    rootValue: GraphQLValue = .null,
    context: any Sendable = (),
    resolvers: Resolvers = Resolvers()
) async -> ExecutionResult {
    let prepared: PreparedOperation
    do {
        prepared = try prepareOperation(schema: schema, document: document, operationName: operationName, variables: variables)
    } catch {
        return .requestErrors(error.errors)
    }
    return await prepared.execute(rootValue: rootValue, context: context, resolvers: resolvers)
}

/// An operation with its variables coerced and its fields collected: everything that
/// depends only on the document and the variables. Keep it to execute the same request
/// again (a cache keyed by document text and variables), or, when `isReusable`, to execute
/// the same document and operation with other variables (`rebinding(variables:)`).
public final class PreparedOperation: Sendable {
    public let operation: OperationDefinition
    public let operationType: OperationType
    /// The coerced variable values.
    public let variables: JSONObject
    /// Whether the collected fields are the same whatever the variables (no `@skip`/`@include`
    /// decided by a variable): then `rebinding(variables:)` reuses them.
    public let isReusable: Bool
    let context: PlanContext
    let rootPlan: ObjectPlan?
    let rootError: GraphQLError?

    init(context: PlanContext, rootType: ObjectType?, isReusable: Bool) {
        self.context = context
        self.operation = context.operation
        self.operationType = context.operation.operation
        self.variables = context.variables
        self.isReusable = isReusable
        if let rootType {
            rootPlan = buildObjectPlan(
                context: context, type: rootType, selectionSets: [context.operation.selectionSet], depth: 0)
            rootError = nil
        } else {
            rootPlan = nil
            rootError = GraphQLError(
                "Schema is not configured to execute \(context.operation.operation.rawValue) operation.",
                source: context.source, nodes: [context.operation.loc])
        }
    }

    /// The same plan under another request's variables.
    private init(context: PlanContext, sharing plan: PreparedOperation) {
        self.context = context
        self.operation = plan.operation
        self.operationType = plan.operationType
        self.variables = context.variables
        self.isReusable = true
        self.rootPlan = plan.rootPlan
        self.rootError = plan.rootError
    }

    /// This operation with `variables` (raw request values) coerced in place of its own, the
    /// collected fields reused: what `prepareOperation` would return for them, without
    /// collecting again. Only for a reusable operation (`isReusable`); otherwise it prepares
    /// afresh. Coercion errors are the same as `prepareOperation`'s.
    public func rebinding(variables: JSONObject) throws(GraphQLErrors) -> PreparedOperation {
        let coerced: JSONObject
        switch coerceVariableValues(schema: context.schema, operation: operation, inputs: variables, source: context.source) {
        case .success(let v): coerced = v
        case .failure(let e): throw e
        }
        let rebound = PlanContext(
            schema: context.schema, operation: operation, fragments: context.fragments, variables: coerced,
            source: context.source)
        guard isReusable else {
            return PreparedOperation(
                context: rebound, rootType: context.schema.rootType(for: operationType), isReusable: false)
        }
        return PreparedOperation(context: rebound, sharing: self)
    }

    /// The names of the root fields this operation selects (after `@skip`/`@include`).
    public var rootFieldNames: [String] { rootPlan?.fields.map(\.fieldName) ?? [] }

    public func execute(rootValue: GraphQLValue = .null, context: any Sendable = (), resolvers: Resolvers = Resolvers()) async
        -> ExecutionResult
    {
        guard let rootPlan else { return ExecutionResult(data: nil, errors: rootError.map { [$0] } ?? []) }
        let executor = AsyncExecutor(plan: self.context, contextValue: context, resolvers: resolvers)
        do {
            let data = try await executor.executeObject(rootPlan, parent: rootValue, path: [])
            return ExecutionResult(data: data, errors: executor.state.errors)
        } catch {
            executor.state.errors.append(locatedError(error, nodes: [], path: [], source: self.context.source))
            return ExecutionResult(data: nil, errors: executor.state.errors)
        }
    }
}

/// Selects the operation, coerces the variables and collects the fields.
public func prepareOperation(
    schema: Schema, document: Document, operationName: String? = nil, variables: JSONObject = [:]
) throws(GraphQLErrors) -> PreparedOperation {
    let operation = try selectOperation(document: document, operationName: operationName)
    var fragments: [String: FragmentDefinition] = [:]
    for f in document.fragments where fragments[f.name.value] == nil { fragments[f.name.value] = f }
    let coerced: JSONObject
    switch coerceVariableValues(schema: schema, operation: operation, inputs: variables, source: document.source) {
    case .success(let v): coerced = v
    case .failure(let e): throw e
    }
    let context = PlanContext(
        schema: schema, operation: operation, fragments: fragments, variables: coerced, source: document.source)
    return PreparedOperation(
        context: context, rootType: schema.rootType(for: operation.operation),
        isReusable: !inclusionDependsOnVariables(operation: operation, fragments: fragments))
}

/// GetOperation(document, operationName), with graphql-core's messages. Public so that a
/// transport can learn the operation type (mutation over GET, subscription over HTTP) before
/// coercing variables.
public func selectOperation(document: Document, operationName: String?) throws(GraphQLErrors) -> OperationDefinition {
    var found: OperationDefinition? = nil
    for definition in document.definitions {
        guard case .operation(let op) = definition else { continue }
        if let operationName {
            if op.name?.value == operationName { found = op }
        } else {
            if found != nil {
                throw GraphQLErrors([
                    GraphQLError("Must provide operation name if query contains multiple operations.")
                ])
            }
            found = op
        }
    }
    guard let found else {
        if let operationName { throw GraphQLErrors([GraphQLError("Unknown operation named '\(operationName)'.")]) }
        throw GraphQLErrors([GraphQLError("Must provide an operation.")])
    }
    return found
}

/// An error already located (locations and path) travelling up to the nearest nullable
/// field or list item.
struct FieldFailure: Error {
    var error: GraphQLError
}

/// A thrown error as a located GraphQL error. A `GraphQLError` keeps its message and
/// extensions (and a location or path it already has); any other error becomes its
/// description: the server layer decides what to hide.
func locatedError(
    _ error: any Error, nodes: [Location], path: [PathComponent], source: Source?,
    mapError: (@Sendable (any Error) -> GraphQLError)? = nil
) -> GraphQLError {
    if let f = error as? FieldFailure { return f.error }
    var e: GraphQLError
    if let g = error as? GraphQLError {
        e = g
    } else if let c = error as? CoercionError {
        e = GraphQLError(c.message)
    } else if let mapError {
        e = mapError(error)
    } else {
        e = GraphQLError(String(describing: error))
    }
    if e.locations.isEmpty, let source { e.locations = nodes.map { source.location(of: $0.start) } }
    if e.path == nil { e.path = path }
    return e
}

/// The message for a null in a non-null position.
func nonNullMessage(_ field: FieldPlan) -> String {
    "Cannot return null for non-nullable field \(field.parentType.name).\(field.fieldName)."
}

/// Resolves the object type of a value returned for an interface or union field.
func resolveRuntimeType(
    _ value: GraphQLValue, abstract: NamedType, field: FieldPlan, context: PlanContext, contextValue: any Sendable,
    resolvers: Resolvers, path: [PathComponent]
) throws -> ObjectType {
    let schema = context.schema
    var name: String? = nil
    if let resolve = resolvers.typeResolver(for: abstract.name) {
        name = resolve(value, contextValue, resolveInfo(field, context: context, path: path))
    }
    if name == nil { name = value.typeNameHint }
    let nodes = field.locations
    func fail(_ message: String) -> FieldFailure {
        FieldFailure(error: GraphQLError(message, source: context.source, nodes: nodes, path: path))
    }
    guard let name else {
        throw fail(
            "Abstract type '\(abstract.name)' must resolve to an Object type at runtime for field '\(field.parentType.name).\(field.fieldName)'. Either the '\(abstract.name)' type should provide a 'resolve_type' function or each possible type should provide an 'is_type_of' function."
        )
    }
    guard let runtime = schema.type(named: name) else {
        throw fail("Abstract type '\(abstract.name)' was resolved to a type '\(name)' that does not exist inside the schema.")
    }
    guard case .object(let object) = runtime else {
        throw fail("Abstract type '\(abstract.name)' was resolved to a non-object type '\(name)'.")
    }
    guard schema.isSubType(abstract.name, object.name) else {
        throw fail("Runtime Object type '\(object.name)' is not a possible type for '\(abstract.name)'.")
    }
    return object
}

func resolveInfo(_ field: FieldPlan, context: PlanContext, path: [PathComponent]) -> ResolveInfo {
    ResolveInfo(
        fieldName: field.fieldName, fieldNodes: field.nodes, parentType: field.parentType, returnType: field.definition.type,
        path: path, schema: context.schema, operation: context.operation, fragments: context.fragments,
        variables: context.variables)
}

/// The value of a field that needs no registered resolver: the meta fields, introspection,
/// or the parent's own field of the same name. nil: a registered resolver must run.
@inline(__always)
func resolveBuiltIn(_ field: FieldPlan, parent: GraphQLValue, arguments: JSONObject, schema: Schema) -> GraphQLValue {
    switch field.kind {
    case .typename:
        return .json(.string(field.parentType.name))
    case .schema:
        return .object(IntrospectionSchema(schema: schema))
    case .type:
        guard case .string(let name) = arguments["name"], schema.type(named: name) != nil else { return .null }
        return .object(IntrospectionType(schema: schema, type: .named(name)))
    case .regular:
        if field.parentIsIntrospection {
            return resolveIntrospectionField(parent, field: field.fieldName, arguments: arguments, schema: schema)
        }
        return parent.readField(field.fieldName)
    }
}
