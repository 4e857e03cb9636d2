/// Stream Directives Are Used On List Fields: `@stream` only on fields of list type.
///
/// `Stream directive cannot be used on non-list field 'name' on type 'Query'.`, located
/// at the directive.
final class StreamDirectiveOnListField: ValidationRule {
    override class var visits: VisitKinds { [.directive] }

    override func enter(_ node: VisitNode) -> VisitResult {
        guard case .directive(let directive) = node, directive.name.value == "stream" else { return .proceed }
        let typeInfo = context.typeInfo
        guard let fieldDef = typeInfo.fieldDef, let parent = typeInfo.parentType else { return .proceed }
        if case .list = fieldDef.type.nullable { return .proceed }
        // graphql-core names the field only when the parent type itself defines it.
        var fieldName = ""
        if let own = parent.field(fieldDef.name), own.type == fieldDef.type, !fieldDef.name.hasPrefix("__") {
            fieldName = " '\(fieldDef.name)'"
        }
        context.report(
            "Stream directive cannot be used on non-list field\(fieldName) on type '\(parent.name)'.", directive.loc)
        return .proceed
    }
}
