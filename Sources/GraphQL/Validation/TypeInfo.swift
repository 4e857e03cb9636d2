/// What the schema says about the node being visited: graphql-js's `TypeInfo`.
///
/// The walker calls `enter` before the rules see a node and `leave` after, so a rule
/// asking for `type`, `parentType`, `fieldDef`, `inputType` … gets the answer for the
/// node in hand. A `nil` means the schema does not know (an unknown field or type);
/// rules that report unknown things do so themselves, the others stay quiet.
public final class TypeInfo {
    public let schema: Schema

    // TypeInfo lives and dies inside one `validate` call on one thread, and no access to
    // these stacks ever overlaps another; dynamic exclusivity checks on every push and
    // pop were a tenth of validation's cost.
    @exclusivity(unchecked) private var typeStack: [TypeReference?] = []
    @exclusivity(unchecked) private var parentTypeStack: [NamedType?] = []
    @exclusivity(unchecked) private var inputTypeStack: [TypeReference?] = []
    @exclusivity(unchecked) private var fieldDefStack: [FieldDefinitionInfo?] = []
    /// The default value at the current input position: `.some(nil)` is "no default".
    @exclusivity(unchecked) private var defaultValueStack: [Value?] = []

    @exclusivity(unchecked) public private(set) var directive: DirectiveInfo?
    @exclusivity(unchecked) public private(set) var argument: InputValueInfo?
    @exclusivity(unchecked) public private(set) var enumValue: EnumValueInfo?

    public init(schema: Schema) {
        self.schema = schema
    }

    /// The output type of the current field, operation or fragment.
    public var type: TypeReference? { typeStack.last ?? nil }

    /// The composite type whose selection set is being visited.
    public var parentType: NamedType? { parentTypeStack.last ?? nil }

    /// The expected input type at the current argument, list item or object field.
    public var inputType: TypeReference? { inputTypeStack.last ?? nil }

    /// The input type one level up (the input object around an object field).
    public var parentInputType: TypeReference? {
        inputTypeStack.count >= 2 ? inputTypeStack[inputTypeStack.count - 2] : nil
    }

    public var fieldDef: FieldDefinitionInfo? { fieldDefStack.last ?? nil }

    /// The default value of the argument or input field being visited, if it has one.
    public var defaultValue: Value? { defaultValueStack.last ?? nil }

    // MARK: - Schema look-ups shared by the rules

    /// A field of a composite type, including the meta fields `__typename` (everywhere)
    /// and `__schema` / `__type` (on the query root type only), as graphql-js resolves them.
    public func fieldDefinition(on parent: NamedType, named name: String) -> FieldDefinitionInfo? {
        schema.fieldDefinition(on: parent, named: name)
    }

    /// The type an AST type node names, or nil when its named type is unknown.
    public func typeReference(_ node: TypeNode) -> TypeReference? {
        guard schema.type(named: node.namedType.name.value) != nil else { return nil }
        return TypeReference(node)
    }

    private func isInputType(_ ref: TypeReference?) -> Bool {
        guard let ref else { return false }
        return schema.isInputType(ref)
    }

    private func isOutputType(_ ref: TypeReference?) -> Bool {
        guard let ref else { return false }
        return schema.isOutputType(ref)
    }

    // MARK: - Enter and leave

    func enter(_ node: VisitNode) {
        switch node {
        case .selectionSet:
            let named = type.flatMap { schema.namedType(of: $0) }
            parentTypeStack.append(named?.isComposite == true ? named : nil)
        case .field(let field):
            var def: FieldDefinitionInfo?
            if let parent = parentType {
                def = fieldDefinition(on: parent, named: field.name.value)
            }
            fieldDefStack.append(def)
            let t = def?.type
            typeStack.append(isOutputType(t) ? t : nil)
        case .directive(let d):
            directive = schema.directive(named: d.name.value)
        case .operation(let op):
            typeStack.append(schema.rootType(for: op.operation).map { .named($0.name) })
        case .inlineFragment(let inline):
            enterFragment(typeCondition: inline.typeCondition)
        case .fragmentDefinition(let fragment):
            enterFragment(typeCondition: fragment.typeCondition)
        case .variableDefinition(let v):
            let t = typeReference(v.type)
            inputTypeStack.append(isInputType(t) ? t : nil)
        case .argument(let a):
            var def: InputValueInfo?
            if let d = directive {
                def = d.argument(a.name.value)
            } else if let f = fieldDef {
                def = f.argument(a.name.value)
            }
            argument = def
            defaultValueStack.append(def?.defaultValue)
            let t = def?.type
            inputTypeStack.append(isInputType(t) ? t : nil)
        case .value(let value):
            switch value {
            case .list:
                // List positions never have a default value.
                defaultValueStack.append(nil)
                if case .list(let item)? = inputType?.nullable {
                    inputTypeStack.append(isInputType(item) ? item : nil)
                } else {
                    inputTypeStack.append(nil)
                }
            case .enumValue(let name, _):
                if let ref = inputType, case .enumType(let e)? = schema.namedType(of: ref) {
                    enumValue = e.value(name)
                } else {
                    enumValue = nil
                }
            default:
                break
            }
        case .objectField(let field):
            var inputField: InputValueInfo?
            if let ref = inputType, case .inputObject(let object)? = schema.namedType(of: ref) {
                inputField = object.field(field.name.value)
            }
            defaultValueStack.append(inputField?.defaultValue)
            let t = inputField?.type
            inputTypeStack.append(isInputType(t) ? t : nil)
        case .document, .variable, .fragmentSpread, .namedType, .listType, .nonNullType:
            break
        }
    }

    private func enterFragment(typeCondition: NamedTypeNode?) {
        let output: TypeReference?
        if let condition = typeCondition {
            output = schema.type(named: condition.name.value) != nil ? .named(condition.name.value) : nil
        } else {
            output = type.map { .named($0.namedType) }
        }
        typeStack.append(isOutputType(output) ? output : nil)
    }

    func leave(_ node: VisitNode) {
        switch node {
        case .selectionSet:
            parentTypeStack.removeLast()
        case .field:
            fieldDefStack.removeLast()
            typeStack.removeLast()
        case .directive:
            directive = nil
        case .operation, .inlineFragment, .fragmentDefinition:
            typeStack.removeLast()
        case .variableDefinition:
            inputTypeStack.removeLast()
        case .argument:
            argument = nil
            defaultValueStack.removeLast()
            inputTypeStack.removeLast()
        case .value(let value):
            switch value {
            case .list:
                defaultValueStack.removeLast()
                inputTypeStack.removeLast()
            case .enumValue:
                enumValue = nil
            default:
                break
            }
        case .objectField:
            defaultValueStack.removeLast()
            inputTypeStack.removeLast()
        case .document, .variable, .fragmentSpread, .namedType, .listType, .nonNullType:
            break
        }
    }
}
