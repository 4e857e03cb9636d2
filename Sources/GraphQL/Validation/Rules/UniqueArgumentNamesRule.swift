/// Argument Uniqueness: no argument is given twice to a field or directive.
///
/// `There can be only one argument named 'foo'.`, located at every argument of that
/// name.
final class UniqueArgumentNamesRule: ValidationRule {
    override class var visits: VisitKinds { [.field, .directive] }

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .field(let field): check(field.arguments)
        case .directive(let directive): check(directive.arguments)
        default: break
        }
        return .proceed
    }

    private func check(_ arguments: [Argument]) {
        guard arguments.count > 1 else { return }
        // Grouped by name, groups in order of first appearance.
        var order: [String] = []
        var groups: [String: [Location]] = [:]
        for argument in arguments {
            let name = argument.name.value
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(argument.name.loc)
        }
        for name in order {
            let locations = groups[name]!
            if locations.count > 1 {
                context.report("There can be only one argument named '\(name)'.", nodes: locations)
            }
        }
    }
}
