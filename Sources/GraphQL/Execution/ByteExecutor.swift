// Synchronous execution straight to JSON bytes, for subscription events on the fan-out
// thread: no `data` tree is built. A null that must propagate to a nullable parent
// rewinds the output to where that parent's value began and writes `null` there.

struct ByteExecutor {
    let plan: PlanContext
    let contextValue: any Sendable
    let resolvers: Resolvers
    var out: [UInt8]
    var errors: [GraphQLError] = []
    /// The current response path, pushed and popped as fields are entered and left; copied
    /// only for an error or a resolver's `info`.
    var path: [PathComponent] = []

    init(plan: PlanContext, contextValue: any Sendable, resolvers: Resolvers, capacity: Int) {
        self.plan = plan
        self.contextValue = contextValue
        self.resolvers = resolvers
        self.out = []
        self.out.reserveCapacity(capacity)
        self.path.reserveCapacity(8)
    }

    mutating func writeObject(_ object: ObjectPlan, parent: GraphQLValue) throws {
        out.append(UInt8(ascii: "{"))
        let registered = resolvers.fields(of: object.type.name)
        var first = true
        for field in object.fields {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(contentsOf: field.keyBytes)
            path.append(.key(field.responseKey))
            defer { path.removeLast() }
            try writeField(field, parent: parent, registered: registered)
        }
        out.append(UInt8(ascii: "}"))
    }

    private mutating func writeField(_ field: FieldPlan, parent: GraphQLValue, registered: [String: FieldResolver]?) throws {
        let mark = out.count
        do {
            let arguments = try field.arguments(in: plan).get()
            let value: GraphQLValue
            if field.kind == .regular, let resolver = registered?[field.fieldName] {
                let info = resolveInfo(field, context: plan, path: path)
                switch resolver {
                case .sync(let f): value = try f(parent, arguments, contextValue, info)
                case .async:
                    throw GraphQLError(
                        "Resolver for '\(field.parentType.name).\(field.fieldName)' is asynchronous and cannot run while delivering a subscription event."
                    )
                }
            } else {
                value = resolveBuiltIn(field, parent: parent, arguments: arguments, schema: plan.schema)
            }
            try writeValue(field.definition.type, field: field, value: value)
        } catch {
            let located = locatedError(error, nodes: field.locations, path: path, source: plan.source, mapError: resolvers.mapError)
            if field.definition.type.isNonNull { throw FieldFailure(error: located) }
            errors.append(located)
            out.removeSubrange(mark...)
            JSONWriter.writeNull(into: &out)
        }
    }

    /// Writes the completed value; throws when a null meets a non-null type.
    mutating func writeValue(_ type: TypeReference, field: FieldPlan, value: GraphQLValue) throws {
        if case .nonNull(let inner) = type {
            if value.isNull {
                throw FieldFailure(
                    error: GraphQLError(nonNullMessage(field), source: plan.source, nodes: field.locations, path: path))
            }
            return try writeValue(inner, field: field, value: value)
        }
        if value.isNull {
            JSONWriter.writeNull(into: &out)
            return
        }
        switch type {
        case .nonNull:
            return  // handled above
        case .list(let itemType):
            switch value {
            case .list(let items):
                try writeList(items.count, itemType: itemType, field: field) { items[$0] }
            case .json(.array(let items)):
                try writeList(items.count, itemType: itemType, field: field) { .json(items[$0]) }
            default:
                throw FieldFailure(
                    error: GraphQLError(
                        "Expected Iterable, but did not find one for field '\(field.parentType.name).\(field.fieldName)'.",
                        source: plan.source, nodes: field.locations, path: path))
            }
        case .named:
            guard let named = field.namedType else {
                JSONWriter.writeNull(into: &out)
                return
            }
            if let leaf = field.leaf {
                switch serializeLeaf(value, leaf, named) {
                case .success(let json): json.encode(into: &out)
                case .failure(let e):
                    throw FieldFailure(error: GraphQLError(e.message, source: plan.source, nodes: field.locations, path: path))
                }
                return
            }
            switch named {
            case .scalar, .enumType:
                switch serializeLeaf(value, named) {
                case .success(let json): json.encode(into: &out)
                case .failure(let e):
                    throw FieldFailure(error: GraphQLError(e.message, source: plan.source, nodes: field.locations, path: path))
                }
            case .object(let object):
                guard let child = field.child else { return out.append(contentsOf: "{}".utf8) }
                try writeObject(child.plan(for: object), parent: value)
            case .interface, .union:
                let object = try resolveRuntimeType(
                    value, abstract: named, field: field, context: plan, contextValue: contextValue, resolvers: resolvers,
                    path: path)
                guard let child = field.child else { return out.append(contentsOf: "{}".utf8) }
                try writeObject(child.plan(for: object), parent: value)
            case .inputObject:
                JSONWriter.writeNull(into: &out)
            }
        }
    }

    private mutating func writeList(
        _ count: Int, itemType: TypeReference, field: FieldPlan, item: (Int) -> GraphQLValue
    ) throws {
        out.append(UInt8(ascii: "["))
        for i in 0..<count {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            let mark = out.count
            path.append(.index(i))
            defer { path.removeLast() }
            do {
                try writeValue(itemType, field: field, value: item(i))
            } catch {
                let located = locatedError(error, nodes: field.locations, path: path, source: plan.source, mapError: resolvers.mapError)
                if itemType.isNonNull { throw FieldFailure(error: located) }
                errors.append(located)
                out.removeSubrange(mark...)
                JSONWriter.writeNull(into: &out)
            }
        }
        out.append(UInt8(ascii: "]"))
    }
}
