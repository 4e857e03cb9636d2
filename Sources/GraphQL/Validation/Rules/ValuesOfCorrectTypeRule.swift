/// Values of Correct Type: every literal can be coerced to the input type expected
/// where it stands (graphql-core's `validate_input_literal`, run statically: variables
/// are checked by VariablesInAllowedPosition instead).
///
/// Reports the scalar's own coercion error (`Int cannot represent non 32-bit signed
/// integer value: 2147483648`), `Value 'X' does not exist in 'E' enum.`,
/// `Enum 'E' cannot represent non-enum value: "A". Did you mean the enum value 'A'?`,
/// `Expected value of non-null type 'Int!' not to be None.`,
/// `Expected value of type 'I' to be an object, found: 1.`,
/// `Expected value of type 'I' to include required field 'a', found: { b: 1 }.`,
/// `Expected value of type 'I' not to include unknown field 'x', found: { x: 1 }.` and the
/// @oneOf message, each located at the offending value (unknown fields at the field).
/// A list or object literal at a scalar or enum position is reported without a
/// location, as graphql-core reports it.
final class ValuesOfCorrectTypeRule: ValidationRule {
    override class var visits: VisitKinds { [.value] }

    override func enter(_ node: VisitNode) -> VisitResult {
        guard case .value(let value) = node else { return .proceed }
        // TypeInfo has already stepped into a list's item type.
        let type: TypeReference?
        if case .list = value {
            type = context.typeInfo.parentInputType
        } else {
            type = context.typeInfo.inputType
        }
        if let type { check(value, type) }
        // Everything inside has been checked.
        return .skip
    }

    private func check(_ value: Value, _ type: TypeReference) {
        if case .variable = value { return }
        if case .nonNull(let inner) = type {
            if case .null = value {
                context.report("Expected value of non-null type '\(type)' not to be None.", value.loc)
                return
            }
            check(value, inner)
            return
        }
        if case .null = value { return }
        switch type {
        case .list(let item):
            if case .list(let items, _) = value {
                for element in items { check(element, item) }
            } else {
                // A single value stands for a list of one.
                check(value, item)
            }
        case .named(let name):
            switch context.schema.type(named: name) {
            case .inputObject(let object)?: checkObject(value, object)
            case .enumType(let enumType)?: checkEnum(value, enumType)
            case .scalar(let scalar)?: checkScalar(value, scalar)
            default: break
            }
        case .nonNull:
            break
        }
    }

    private func checkObject(_ value: Value, _ object: InputObjectType) {
        guard case .object(let fieldNodes, _) = value else {
            context.report(
                "Expected value of type '\(object.name)' to be an object, found: \(printValueForError(value)).",
                value.loc)
            return
        }
        var byName: [String: ObjectField] = [:]
        for node in fieldNodes { byName[node.name.value] = node }
        for field in object.fields {
            if let node = byName[field.name] {
                check(node.value, field.type)
            } else if field.isRequired {
                context.report(
                    "Expected value of type '\(object.name)' to include required field '\(field.name)', found: \(printValueForError(value)).",
                    value.loc)
            }
        }
        var known: [ObjectField] = []
        for node in fieldNodes {
            let name = node.name.value
            guard object.field(name) != nil else {
                let hint = Suggestions.didYouMean(Suggestions.list(name, options: object.fields.map(\.name)))
                let found = hint.isEmpty ? ", found" : ".\(hint) Found"
                context.report(
                    "Expected value of type '\(object.name)' not to include unknown field '\(name)'\(found): \(printValueForError(value)).",
                    node.loc)
                continue
            }
            known.append(node)
        }
        if object.isOneOf {
            let message = "Within OneOf Input Object type '\(object.name)', exactly one field must be specified, and the value for that field must be non-null."
            if known.count != 1 {
                context.report(message, value.loc)
            } else if case .null = known[0].value {
                context.report(message, value.loc)
            }
        }
    }

    private func checkEnum(_ value: Value, _ enumType: EnumType) {
        let names = enumType.values.map(\.name)
        if case .enumValue(let name, _) = value {
            guard enumType.value(name) == nil else { return }
            let hint = Suggestions.didYouMean(Suggestions.list(name, options: names), subMessage: "the enum value")
            context.report("Value '\(name)' does not exist in '\(enumType.name)' enum.\(hint)", value.loc)
            return
        }
        let (printed, location) = leafLiteral(value)
        let hint = Suggestions.didYouMean(Suggestions.list(printed, options: names), subMessage: "the enum value")
        context.report(GraphQLError(
            "Enum '\(enumType.name)' cannot represent non-enum value: \(printed).\(hint)",
            source: context.source, nodes: location.map { [$0] } ?? []))
    }

    private func checkScalar(_ value: Value, _ scalar: ScalarType) {
        let result: Result<JSON, CoercionError>?
        if let coercion = scalar.coercion {
            // A custom coercion sees complete constants only.
            result = LiteralCoercion.containsVariable(value) ? nil : coercion.parseLiteral(value)
        } else {
            result = LiteralCoercion.coerceBuiltinScalar(scalar.name, withoutVariables(value))
        }
        guard case .failure(let error)? = result else { return }
        let location = leafLiteral(value).location
        context.report(GraphQLError(error.message, source: context.source, nodes: location.map { [$0] } ?? []))
    }

    /// A literal at a leaf position as graphql-core's coercion sees it: variables
    /// removed, and lists and objects rebuilt, so that they lose their location.
    private func leafLiteral(_ value: Value) -> (printed: String, location: Location?) {
        switch value {
        case .list, .object: return (printValueForError(withoutVariables(value)), nil)
        default: return (printValueForError(value), value.loc)
        }
    }

    /// Variables replaced as graphql-core's `replace_variables` does without values:
    /// `null` in lists, dropped from objects.
    private func withoutVariables(_ value: Value) -> Value {
        switch value {
        case .variable(let v):
            return .null(v.loc)
        case .list(let items, let loc):
            return .list(items.map(withoutVariables), loc)
        case .object(let fields, let loc):
            return .object(fields.compactMap { field in
                if case .variable = field.value { return nil }
                return ObjectField(name: field.name, value: withoutVariables(field.value), loc: field.loc)
            }, loc)
        default:
            return value
        }
    }
}
