// What in an operation's plan depends on the variables' values. Field collection reads them
// only in `@skip(if:)` / `@include(if:)`; a field's arguments read them wherever a variable
// stands in an argument value. A plan whose collection does not read them is the same for
// every request with that document and operation name, and can be kept and reused with new
// variables (`PreparedOperation.rebinding(variables:)`); only the arguments that name a
// variable are then coerced per request.

/// Whether an `@skip` or `@include` whose `if` is a variable appears in the operation or in any
/// fragment of the document (all of them, reachable or not: cheaper than following spreads, and
/// a document that carries such a fragment unused only loses the reuse).
func inclusionDependsOnVariables(operation: OperationDefinition, fragments: [String: FragmentDefinition]) -> Bool {
    if selectionsDependOnVariables(operation.selectionSet) { return true }
    return fragments.values.contains { selectionsDependOnVariables($0.selectionSet) }
}

private func selectionsDependOnVariables(_ set: SelectionSet) -> Bool {
    for selection in set.selections {
        switch selection {
        case .field(let field):
            if inclusionReadsVariable(field.directives) { return true }
            if let child = field.selectionSet, selectionsDependOnVariables(child) { return true }
        case .inlineFragment(let inline):
            if inclusionReadsVariable(inline.directives) || selectionsDependOnVariables(inline.selectionSet) { return true }
        case .fragmentSpread(let spread):
            if inclusionReadsVariable(spread.directives) { return true }
        }
    }
    return false
}

private func inclusionReadsVariable(_ directives: [Directive]) -> Bool {
    directives.contains { directive in
        let name = directive.name.value
        return (name == "skip" || name == "include") && argumentsUseVariables(directive.arguments)
    }
}

/// Whether any of `arguments` names a variable, at any depth of a list or input object.
func argumentsUseVariables(_ arguments: [Argument]) -> Bool {
    arguments.contains { $0.value.containsVariable }
}

extension Value {
    var containsVariable: Bool {
        switch self {
        case .variable: return true
        case .list(let items, _): return items.contains { $0.containsVariable }
        case .object(let fields, _): return fields.contains { $0.value.containsVariable }
        case .int, .float, .string, .boolean, .null, .enumValue: return false
        }
    }
}
