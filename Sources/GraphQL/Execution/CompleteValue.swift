// ExecuteSelectionSet, ExecuteField and CompleteValue for queries and mutations: builds
// the `data` tree, awaiting only resolvers that are `async`.

/// Errors of one execution. One task owns it for the whole execution.
final class ExecutionState {
    var errors: [GraphQLError] = []
}

struct AsyncExecutor {
    let plan: PlanContext
    let contextValue: any Sendable
    let resolvers: Resolvers
    let state = ExecutionState()

    init(plan: PlanContext, contextValue: any Sendable, resolvers: Resolvers) {
        self.plan = plan
        self.contextValue = contextValue
        self.resolvers = resolvers
    }

    /// The fields of one object, in order; a field's failure in a non-null position
    /// propagates (thrown) to the caller.
    func executeObject(_ object: ObjectPlan, parent: GraphQLValue, path: [PathComponent]) async throws -> JSON {
        var out = JSONObject()
        let registered = resolvers.fields(of: object.type.name)
        for field in object.fields {
            let fieldPath = path + [.key(field.responseKey)]
            let value = try await executeField(field, parent: parent, registered: registered, path: fieldPath)
            out.append(field.responseKey, value)
        }
        return .object(out)
    }

    private func executeField(
        _ field: FieldPlan, parent: GraphQLValue, registered: [String: FieldResolver]?, path: [PathComponent]
    ) async throws -> JSON {
        do {
            let arguments = try field.arguments(in: plan).get()
            let value: GraphQLValue
            if field.kind == .regular, let resolver = registered?[field.fieldName] {
                let info = resolveInfo(field, context: plan, path: path)
                switch resolver {
                case .sync(let f): value = try f(parent, arguments, contextValue, info)
                case .async(let f): value = try await f(parent, arguments, contextValue, info)
                }
            } else {
                value = resolveBuiltIn(field, parent: parent, arguments: arguments, schema: plan.schema)
            }
            return try await complete(field.definition.type, field: field, value: value, path: path)
        } catch {
            let located = locatedError(error, nodes: field.locations, path: path, source: plan.source, mapError: resolvers.mapError)
            if field.definition.type.isNonNull { throw FieldFailure(error: located) }
            state.errors.append(located)
            return .null
        }
    }

    private func complete(_ type: TypeReference, field: FieldPlan, value: GraphQLValue, path: [PathComponent]) async throws
        -> JSON
    {
        if case .nonNull(let inner) = type {
            let completed = try await complete(inner, field: field, value: value, path: path)
            if case .null = completed {
                throw FieldFailure(
                    error: GraphQLError(nonNullMessage(field), source: plan.source, nodes: field.locations, path: path))
            }
            return completed
        }
        if value.isNull { return .null }
        switch type {
        case .nonNull:
            return .null  // handled above
        case .list(let itemType):
            let items: [GraphQLValue]
            switch value {
            case .list(let l): items = l
            case .json(.array(let a)): items = a.map { .json($0) }
            default:
                throw FieldFailure(
                    error: GraphQLError(
                        "Expected Iterable, but did not find one for field '\(field.parentType.name).\(field.fieldName)'.",
                        source: plan.source, nodes: field.locations, path: path))
            }
            var out: [JSON] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                let itemPath = path + [.index(i)]
                do {
                    out.append(try await complete(itemType, field: field, value: item, path: itemPath))
                } catch {
                    let located = locatedError(error, nodes: field.locations, path: itemPath, source: plan.source, mapError: resolvers.mapError)
                    if itemType.isNonNull { throw FieldFailure(error: located) }
                    state.errors.append(located)
                    out.append(.null)
                }
            }
            return .array(out)
        case .named:
            guard let named = field.namedType else { return .null }
            switch named {
            case .scalar, .enumType:
                switch serializeLeaf(value, named) {
                case .success(let json): return json
                case .failure(let e):
                    throw FieldFailure(error: GraphQLError(e.message, source: plan.source, nodes: field.locations, path: path))
                }
            case .object(let object):
                guard let child = field.child else { return .object([:]) }
                return try await executeObject(child.plan(for: object), parent: value, path: path)
            case .interface, .union:
                let object = try resolveRuntimeType(
                    value, abstract: named, field: field, context: plan, contextValue: contextValue, resolvers: resolvers,
                    path: path)
                guard let child = field.child else { return .object([:]) }
                return try await executeObject(child.plan(for: object), parent: value, path: path)
            case .inputObject:
                return .null
            }
        }
    }
}
