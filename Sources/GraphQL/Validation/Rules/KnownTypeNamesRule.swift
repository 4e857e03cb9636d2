/// Fragment Spread Type Existence (spec §5.5.1.2) and the type references of variables:
/// every named type the document mentions exists in the schema or is defined by the
/// document itself.
///
/// `Unknown type 'Foo'.` followed by ` Did you mean 'Bar'?` for similar type names,
/// located at the named type.
///
/// graphql-core also checks the type references inside type-system definitions of an
/// executable document (which ExecutableDefinitions rejects anyway), where the built-in
/// scalars and introspection types are always known. The walker does not enter those
/// definitions, so this rule reads them itself, in document order.
final class KnownTypeNamesRule: ValidationRule {
    override class var visits: VisitKinds { [.document, .operation, .fragmentDefinition, .namedType] }

    private var definedTypeNames: Set<String>?
    /// Type-system definitions not checked yet, in document order.
    private var pendingSDL: [Definition] = []
    private var nextPending = 0

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .document(let document):
            pendingSDL = document.definitions.filter { !$0.isExecutable }
        case .operation(let op):
            checkSDL(before: op.loc.start)
        case .fragmentDefinition(let fragment):
            checkSDL(before: fragment.loc.start)
        case .namedType(let named):
            check(named, inSDL: false)
        default:
            break
        }
        return .proceed
    }

    override func leave(_ node: VisitNode) {
        if case .document = node { checkSDL(before: Int.max) }
    }

    private func check(_ named: NamedTypeNode, inSDL: Bool) {
        let name = named.name.value
        let schema = context.schema
        guard schema.type(named: name) == nil else { return }
        let defined = definedNames()
        if defined.contains(name) { return }
        if inSDL && StandardTypes.contains(name) { return }
        var options = schema.typeNames + defined.sorted()
        if inSDL { options = StandardTypes.names + options }
        let suggestions = Suggestions.list(name, options: options)
        context.report("Unknown type '\(name)'." + Suggestions.didYouMean(suggestions), named.loc)
    }

    /// The types the document defines itself (not extensions).
    private func definedNames() -> Set<String> {
        if let definedTypeNames { return definedTypeNames }
        var names = Set<String>()
        for definition in context.document.definitions {
            switch definition {
            case .scalarType(let d): names.insert(d.name.value)
            case .objectType(let d): names.insert(d.name.value)
            case .interfaceType(let d): names.insert(d.name.value)
            case .unionType(let d): names.insert(d.name.value)
            case .enumType(let d): names.insert(d.name.value)
            case .inputObjectType(let d): names.insert(d.name.value)
            default: break
            }
        }
        definedTypeNames = names
        return names
    }

    // MARK: - Type-system definitions

    private func checkSDL(before offset: Int) {
        while nextPending < pendingSDL.count, pendingSDL[nextPending].loc.start < offset {
            for named in Self.typeReferences(in: pendingSDL[nextPending]) { check(named, inSDL: true) }
            nextPending += 1
        }
    }

    /// The named types of a type-system definition in graphql-js's visiting order.
    private static func typeReferences(in definition: Definition) -> [NamedTypeNode] {
        var result: [NamedTypeNode] = []
        func inputValues(_ values: [InputValueDefinition]) {
            for value in values { result.append(value.type.namedType) }
        }
        func fields(_ fields: [FieldDefinition]) {
            for field in fields {
                inputValues(field.arguments)
                result.append(field.type.namedType)
            }
        }
        switch definition {
        case .schema(let d), .schemaExtension(let d):
            result = d.operationTypes.map(\.type)
        case .objectType(let d), .objectTypeExtension(let d):
            result = d.interfaces
            fields(d.fields)
        case .interfaceType(let d), .interfaceTypeExtension(let d):
            result = d.interfaces
            fields(d.fields)
        case .unionType(let d), .unionTypeExtension(let d):
            result = d.types
        case .inputObjectType(let d), .inputObjectTypeExtension(let d):
            inputValues(d.fields)
        case .directive(let d):
            inputValues(d.arguments)
        case .scalarType, .scalarTypeExtension, .enumType, .enumTypeExtension, .directiveExtension,
             .operation, .fragment:
            break
        }
        return result
    }
}
