/// Executable Definitions: a document sent for execution holds only operations and
/// fragments.
///
/// `The 'Foo' definition is not executable.` (`schema` for schema definitions and
/// extensions), located at each offending definition.
final class ExecutableDefinitionsRule: ValidationRule {
    override class var visits: VisitKinds { [.document] }

    override func enter(_ node: VisitNode) -> VisitResult {
        guard case .document(let document) = node else { return .proceed }
        for definition in document.definitions where !definition.isExecutable {
            let name: String
            switch definition {
            case .schema, .schemaExtension: name = "schema"
            case .scalarType(let d), .scalarTypeExtension(let d): name = "'\(d.name.value)'"
            case .objectType(let d), .objectTypeExtension(let d): name = "'\(d.name.value)'"
            case .interfaceType(let d), .interfaceTypeExtension(let d): name = "'\(d.name.value)'"
            case .unionType(let d), .unionTypeExtension(let d): name = "'\(d.name.value)'"
            case .enumType(let d), .enumTypeExtension(let d): name = "'\(d.name.value)'"
            case .inputObjectType(let d), .inputObjectTypeExtension(let d): name = "'\(d.name.value)'"
            case .directive(let d): name = "'\(d.name.value)'"
            case .directiveExtension(let d): name = "'\(d.name.value)'"
            case .operation, .fragment: continue
            }
            context.report("The \(name) definition is not executable.", definition.loc)
        }
        return .skip
    }
}
