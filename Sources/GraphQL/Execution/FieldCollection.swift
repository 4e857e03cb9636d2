import Foundation

// Field collection (the specification's CollectFields) done once per operation and
// variables: the result is a plan that execution walks for every event or request without
// looking at fragments, directives or arguments again.

/// What the plan needs from the request: everything that decides which fields are
/// collected and what their arguments are.
final class PlanContext: Sendable {
    let schema: Schema
    let operation: OperationDefinition
    let fragments: [String: FragmentDefinition]
    let variables: JSONObject
    let source: Source?

    init(schema: Schema, operation: OperationDefinition, fragments: [String: FragmentDefinition], variables: JSONObject, source: Source?) {
        self.schema = schema
        self.operation = operation
        self.fragments = fragments
        self.variables = variables
        self.source = source
    }
}

enum FieldKind: Sendable {
    case regular
    case typename
    case schema
    case type
}

/// One response key of an object: the merged field nodes and what completing them needs.
final class FieldPlan: Sendable {
    let responseKey: String
    /// `"key":`, encoded once.
    let keyBytes: [UInt8]
    let fieldName: String
    let nodes: [Field]
    let locations: [Location]
    let parentType: ObjectType
    let definition: FieldDefinitionInfo
    let kind: FieldKind
    /// The coerced arguments when none of them names a variable; nil: coerced per execution
    /// (`arguments(in:)`), so that the plan holds nothing of one request's variables.
    let fixedArguments: Result<JSONObject, GraphQLError>?
    /// The selections below a composite field, per object type; nil for leaves.
    let child: ChildPlan?
    /// The named type at the heart of the field's type, looked up once.
    let namedType: NamedType?
    /// How a leaf value is serialized, decided once instead of per value.
    let leaf: LeafKind?
    /// Whether the parent is an introspection type (resolved by the engine itself).
    let parentIsIntrospection: Bool

    init(
        responseKey: String, fieldName: String, nodes: [Field], parentType: ObjectType, definition: FieldDefinitionInfo,
        kind: FieldKind, fixedArguments: Result<JSONObject, GraphQLError>?, child: ChildPlan?, namedType: NamedType?
    ) {
        self.responseKey = responseKey
        var key: [UInt8] = []
        JSONWriter.writeString(responseKey, into: &key)
        key.append(UInt8(ascii: ":"))
        self.keyBytes = key
        self.fieldName = fieldName
        self.nodes = nodes
        self.locations = nodes.map(\.loc)
        self.parentType = parentType
        self.definition = definition
        self.kind = kind
        self.fixedArguments = fixedArguments
        self.child = child
        self.namedType = namedType
        self.leaf = namedType.flatMap(LeafKind.init)
        self.parentIsIntrospection = parentType.name.hasPrefix("__")
    }

    /// The field's coerced arguments for an execution with `context`'s variables.
    @inline(__always)
    func arguments(in context: PlanContext) -> Result<JSONObject, GraphQLError> {
        if let fixedArguments { return fixedArguments }
        return coerceArgumentValues(
            definitions: definition.arguments, arguments: nodes[0].arguments, node: nodes[0].loc, schema: context.schema,
            variables: context.variables, source: context.source)
    }
}

/// The fields to execute on a value of one object type.
final class ObjectPlan: Sendable {
    let type: ObjectType
    let fields: [FieldPlan]

    init(type: ObjectType, fields: [FieldPlan]) {
        self.type = type
        self.fields = fields
    }
}

/// The selection sets below a composite-typed field. For an object type the plan is built
/// at once; for an interface or union, per concrete type on first use, so that nested
/// abstract fields cannot multiply into a plan larger than the values met.
final class ChildPlan: @unchecked Sendable {
    // @unchecked: `cache` is only read and written while holding `lock`; everything else is
    // immutable.
    let context: PlanContext
    let selectionSets: [SelectionSet]
    let depth: Int
    private let eager: ObjectPlan?
    private let lock = NSLock()
    private var cache: [String: ObjectPlan] = [:]

    init(context: PlanContext, returnType: NamedType, selectionSets: [SelectionSet], depth: Int) {
        self.context = context
        self.selectionSets = selectionSets
        self.depth = depth
        if case .object(let o) = returnType {
            eager = buildObjectPlan(context: context, type: o, selectionSets: selectionSets, depth: depth)
        } else {
            eager = nil
        }
    }

    func plan(for type: ObjectType) -> ObjectPlan {
        if let eager, eager.type === type { return eager }
        lock.lock()
        defer { lock.unlock() }
        if let p = cache[type.name] { return p }
        let p = buildObjectPlan(context: context, type: type, selectionSets: selectionSets, depth: depth)
        cache[type.name] = p
        return p
    }
}

/// A deeper nesting than this is cut off (its fields left out): no real document comes
/// near it, and it keeps an unvalidated, self-referencing document from running away.
let maxPlanDepth = 256

func buildObjectPlan(context: PlanContext, type: ObjectType, selectionSets: [SelectionSet], depth: Int) -> ObjectPlan {
    var grouped: [(key: String, nodes: [Field])] = []
    var index: [String: Int] = [:]
    var visited: Set<String> = []
    for set in selectionSets {
        collectFields(context: context, type: type, selectionSet: set, into: &grouped, index: &index, visited: &visited)
    }
    var fields: [FieldPlan] = []
    fields.reserveCapacity(grouped.count)
    let schema = context.schema
    for (key, nodes) in grouped {
        let name = nodes[0].name.value
        let definition: FieldDefinitionInfo
        let kind: FieldKind
        if let meta = IntrospectionMetaFields.field(named: name, on: .object(type), in: schema) {
            definition = meta
            kind = name == "__typename" ? .typename : name == "__schema" ? .schema : .type
        } else if let d = type.field(name) {
            definition = d
            kind = .regular
        } else {
            continue  // Unknown fields are left out, as graphql-js does.
        }
        let fixedArguments: Result<JSONObject, GraphQLError>? =
            argumentsUseVariables(nodes[0].arguments)
            ? nil
            : coerceArgumentValues(
                definitions: definition.arguments, arguments: nodes[0].arguments, node: nodes[0].loc, schema: schema,
                variables: [:], source: context.source)
        var child: ChildPlan? = nil
        let named = schema.namedType(of: definition.type)
        if let named, named.isComposite, depth < maxPlanDepth {
            let sets = nodes.compactMap(\.selectionSet)
            child = ChildPlan(context: context, returnType: named, selectionSets: sets, depth: depth + 1)
        }
        fields.append(
            FieldPlan(
                responseKey: key, fieldName: name, nodes: nodes, parentType: type, definition: definition, kind: kind,
                fixedArguments: fixedArguments, child: child, namedType: named))
    }
    return ObjectPlan(type: type, fields: fields)
}

func collectFields(
    context: PlanContext, type: ObjectType, selectionSet: SelectionSet, into grouped: inout [(key: String, nodes: [Field])],
    index: inout [String: Int], visited: inout Set<String>
) {
    for selection in selectionSet.selections {
        guard shouldInclude(selection.directives, variables: context.variables) else { continue }
        switch selection {
        case .field(let field):
            let key = field.responseKey
            if let i = index[key] {
                grouped[i].nodes.append(field)
            } else {
                index[key] = grouped.count
                grouped.append((key, [field]))
            }
        case .inlineFragment(let inline):
            if let condition = inline.typeCondition, !fragmentApplies(condition.name.value, to: type, schema: context.schema) {
                continue
            }
            collectFields(
                context: context, type: type, selectionSet: inline.selectionSet, into: &grouped, index: &index, visited: &visited)
        case .fragmentSpread(let spread):
            let name = spread.name.value
            if visited.contains(name) { continue }
            visited.insert(name)
            guard let fragment = context.fragments[name],
                fragmentApplies(fragment.typeCondition.name.value, to: type, schema: context.schema)
            else { continue }
            collectFields(
                context: context, type: type, selectionSet: fragment.selectionSet, into: &grouped, index: &index,
                visited: &visited)
        }
    }
}

private func fragmentApplies(_ condition: String, to type: ObjectType, schema: Schema) -> Bool {
    if condition == type.name { return true }
    guard let conditionType = schema.type(named: condition), conditionType.isAbstract else { return false }
    return schema.isSubType(condition, type.name)
}

/// `@skip(if:)` and `@include(if:)`; validation has checked their arguments.
func shouldInclude(_ directives: [Directive], variables: JSONObject) -> Bool {
    for d in directives {
        let name = d.name.value
        guard name == "skip" || name == "include" else { continue }
        guard let arg = d.arguments.first(where: { $0.name.value == "if" }) else { continue }
        var flag = false
        switch arg.value {
        case .boolean(let b, _): flag = b
        case .variable(let v):
            if case .bool(let b) = variables[v.name.value] { flag = b }
        default: break
        }
        if name == "skip" && flag { return false }
        if name == "include" && !flag { return false }
    }
    return true
}
