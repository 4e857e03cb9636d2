/// graphql-core's `validate_schema` over a draft: root types, directives, then every
/// type in collection order (default values and their cycles included), then input
/// objects that can never be given a finite value. Messages and node lists are
/// graphql-core's.
func validateSchemaDraft(_ draft: SchemaDraft) -> [GraphQLError] {
    var validator = SchemaValidator(draft: draft)
    validator.validateRootTypes()
    validator.validateDirectives()
    validator.validateTypes()
    validator.validateInputObjectCycles()
    return validator.errors
}

struct SchemaValidator {
    let draft: SchemaDraft
    var errors: [GraphQLError] = []
    var defaultValueCycles = DefaultValueCycleSearch()

    init(draft: SchemaDraft) {
        self.draft = draft
    }

    mutating func report(_ message: String, _ nodes: [Location?]) {
        errors.append(GraphQLError(message, source: draft.source, nodes: nodes.compactMap { $0 }))
    }

    // MARK: - Root types

    mutating func validateRootTypes() {
        if draft.rootTypes[.query] == nil {
            report("Query root type must be provided.", [draft.schemaDefinition?.loc])
        }
        var byType: [(name: String, ops: [OperationType])] = []
        for op in [OperationType.query, .mutation, .subscription] {
            guard let name = draft.rootTypes[op], let type = draft.type(named: name) else { continue }
            if case .object = type {
                if let i = byType.firstIndex(where: { $0.name == name }) {
                    byType[i].ops.append(op)
                } else {
                    byType.append((name, [op]))
                }
            } else {
                let opName = op.rawValue.prefix(1).uppercased() + op.rawValue.dropFirst()
                let ifProvided = op == .query ? "" : " if provided"
                report(
                    "\(opName) root type must be Object type\(ifProvided), it cannot be \(name).",
                    [operationTypeNode(op) ?? draft.typeNodes[name]?.definition.loc])
            }
        }
        for (name, ops) in byType where ops.count > 1 {
            report(
                "All root types must be different, '\(name)' type is used as \(andList(ops.map(\.rawValue))) root types.",
                ops.map { operationTypeNode($0) })
        }
    }

    private func operationTypeNode(_ op: OperationType) -> Location? {
        for node in [draft.schemaDefinition].compactMap({ $0 }) + draft.schemaExtensions {
            if let t = node.operationTypes.first(where: { $0.operation == op }) { return t.type.loc }
        }
        return nil
    }

    private func andList(_ items: [String]) -> String {
        switch items.count {
        case 1: return items[0]
        case 2: return "\(items[0]) and \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + ", and " + items.last!
        }
    }

    // MARK: - Directives

    mutating func validateDirectives() {
        for directive in draft.directives {
            guard let node = draft.directiveNodes[directive.name] else { continue }  // a built-in
            validateName(directive.name, node.loc)
            for arg in directive.arguments {
                let argNode = draft.argumentNodes["@\(directive.name)"]?[arg.name]
                validateName(arg.name, argNode?.loc)
                let argStr = "@\(directive.name)(\(arg.name):)"
                if !isInputType(arg.type) {
                    report("The type of \(argStr) must be Input Type but got: \(arg.type).", [argNode?.loc])
                }
                if isRequired(arg) && arg.deprecationReason != nil {
                    report(
                        "Required argument \(argStr) cannot be deprecated.",
                        [deprecatedDirective(argNode?.directives), argNode?.type.loc])
                }
                validateDefaultValue(arg, argStr)
            }
        }
    }

    // MARK: - Shared checks

    /// Names beginning with `__` are reserved for introspection.
    mutating func validateName(_ name: String, _ node: Location?) {
        if name.hasPrefix("__") {
            report("Name '\(name)' must not begin with '__', which is reserved by GraphQL introspection.", [node])
        }
    }

    func isInputType(_ ref: TypeReference) -> Bool {
        draft.type(named: ref.namedType)?.isInputType ?? false
    }

    func isOutputType(_ ref: TypeReference) -> Bool {
        draft.type(named: ref.namedType)?.isOutputType ?? false
    }

    func isRequired(_ value: InputValueInfo) -> Bool {
        value.type.isNonNull && value.defaultValue == nil
    }

    func deprecatedDirective(_ directives: [Directive]?) -> Location? {
        directives?.first { $0.name.value == "deprecated" }?.loc
    }

    /// The definition and extension nodes of a user type.
    func typeLocations(_ name: String) -> [Location?] {
        guard let nodes = draft.typeNodes[name] else { return [] }
        return [nodes.definition.loc] + nodes.extensions.map(\.loc)
    }
}
