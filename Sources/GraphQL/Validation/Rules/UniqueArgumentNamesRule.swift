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
        for (name, locations) in arguments.map(\.name).repeatedNames() {
            context.report("There can be only one argument named '\(name)'.", nodes: locations)
        }
    }
}
