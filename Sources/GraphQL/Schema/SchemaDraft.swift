/// A schema as the SDL describes it, before it is checked: its types by name (root
/// types too, whatever their kind) and, for error locations, the AST nodes each
/// element came from. `Schema` itself only exists once the draft is valid.
final class SchemaDraft {
    let source: Source?
    let description: String?
    /// Root type names, whatever kind of type they name.
    var rootTypes: [OperationType: String] = [:]
    /// Every type the schema holds, built-ins included, in graphql-core's collection order.
    private(set) var typeNames: [String] = []
    private(set) var types: [String: NamedType] = [:]
    /// User directives first (document order), then the built-ins not redefined.
    private(set) var directives: [DirectiveInfo] = []

    // Where things were written, for error locations.
    var schemaDefinition: SchemaDefinition?
    var schemaExtensions: [SchemaDefinition] = []
    /// The definition and extensions of each user type.
    var typeNodes: [String: (definition: TypeDefinitionNode, extensions: [TypeDefinitionNode])] = [:]
    /// Field definitions by type, then field name.
    var fieldNodes: [String: [String: FieldDefinition]] = [:]
    /// Argument definitions by owner (`Type.field` or `@directive`), then argument name.
    var argumentNodes: [String: [String: InputValueDefinition]] = [:]
    /// Input field definitions by input object, then field name.
    var inputFieldNodes: [String: [String: InputValueDefinition]] = [:]
    /// Enum value definitions by enum, then value name.
    var enumValueNodes: [String: [String: EnumValueDefinition]] = [:]
    var directiveNodes: [String: DirectiveDefinition] = [:]

    init(document: Document) {
        self.source = document.source
        var typeDefinitions: [TypeDefinitionNode] = []
        var extensions: [String: [TypeDefinitionNode]] = [:]
        var directiveDefinitions: [DirectiveDefinition] = []
        var directiveExtensions: [String: [DirectiveExtension]] = [:]
        for definition in document.definitions {
            switch definition {
            case .schema(let d): schemaDefinition = d
            case .schemaExtension(let d): schemaExtensions.append(d)
            case .directive(let d): directiveDefinitions.append(d)
            case .directiveExtension(let d): directiveExtensions[d.name.value, default: []].append(d)
            case .scalarType, .objectType, .interfaceType, .unionType, .enumType, .inputObjectType:
                typeDefinitions.append(TypeDefinitionNode(definition)!)
            case .scalarTypeExtension, .objectTypeExtension, .interfaceTypeExtension, .unionTypeExtension,
                .enumTypeExtension, .inputObjectTypeExtension:
                let ext = TypeDefinitionNode(definition)!
                extensions[ext.name.value, default: []].append(ext)
            case .operation, .fragment:
                break
            }
        }
        self.description = schemaDefinition?.description?.value

        // User types in definition order; a definition of a built-in's name keeps the built-in.
        var listed: [NamedType] = []
        for definition in typeDefinitions {
            let name = definition.name.value
            if let builtin = StandardTypes.named(name) {
                listed.append(builtin)
                continue
            }
            // Extensions of another kind are rejected by the SDL checks before this.
            let exts = (extensions[name] ?? []).filter { $0.kindName == definition.kindName }
            typeNodes[name] = (definition, exts)
            listed.append(buildType(definition, extensions: exts))
        }
        for t in listed where types[t.name] == nil { types[t.name] = t }

        // Root types: the schema definition and its extensions, else the conventional names.
        for node in [schemaDefinition].compactMap({ $0 }) + schemaExtensions {
            for op in node.operationTypes { rootTypes[op.operation] = op.type.name.value }
        }
        if schemaDefinition == nil {
            for t in listed {
                switch t.name {
                case "Query": rootTypes[.query] = t.name
                case "Mutation": rootTypes[.mutation] = t.name
                case "Subscription": rootTypes[.subscription] = t.name
                default: break
                }
            }
        }

        for d in directiveDefinitions {
            directiveNodes[d.name.value] = d
            directives.append(buildDirective(d, extensions: directiveExtensions[d.name.value] ?? []))
        }
        let defined = Set(directives.map(\.name))
        directives += BuiltinDirectives.all.filter { !defined.contains($0.name) }

        collectTypes(listed)
    }

    func type(named name: String) -> NamedType? { types[name] }

    /// The `Schema` this draft describes; only called once the draft is valid.
    func makeSchema() -> Schema {
        func object(_ op: OperationType) -> ObjectType? {
            guard let name = rootTypes[op], case .object(let o) = types[name] else { return nil }
            return o
        }
        return Schema(
            description: description,
            query: object(.query), mutation: object(.mutation), subscription: object(.subscription),
            types: typeNames.map { types[$0]! },
            directives: directives
        )
    }

    // MARK: - Type collection

    /// Orders types as graphql-core's `GraphQLSchema` collects them: each listed type in
    /// turn followed by the not-yet-seen types it references (depth first), then the
    /// types the root types, directive arguments and `__Schema` reach.
    private func collectTypes(_ listed: [NamedType]) {
        var seen = Set(listed.map(\.name))
        var order: [String] = []
        func visitChildren(_ t: NamedType) {
            switch t {
            case .union(let u):
                for m in u.types { visit(m) }
            case .object(let o):
                for i in o.interfaces { visit(i) }
                for f in o.fields { visitField(f) }
            case .interface(let it):
                for i in it.interfaces { visit(i) }
                for f in it.fields { visitField(f) }
            case .inputObject(let io):
                for f in io.fields { visit(f.type.namedType) }
            case .scalar, .enumType:
                break
            }
        }
        func visitField(_ f: FieldDefinitionInfo) {
            visit(f.type.namedType)
            for a in f.arguments { visit(a.type.namedType) }
        }
        func visit(_ name: String) {
            guard !seen.contains(name) else { return }
            guard let t = types[name] ?? StandardTypes.named(name) else { return }
            seen.insert(name)
            types[name] = t
            order.append(name)
            visitChildren(t)
        }
        var placed = Set<String>()
        for t in listed where placed.insert(t.name).inserted {
            order.append(t.name)
            visitChildren(t)
        }
        for op in [OperationType.query, .mutation, .subscription] {
            if let name = rootTypes[op] { visit(name) }
        }
        for d in directives {
            for a in d.arguments { visit(a.type.namedType) }
        }
        visit("__Schema")
        typeNames = order
    }
}
