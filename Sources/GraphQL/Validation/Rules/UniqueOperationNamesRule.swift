/// Operation Name Uniqueness: no two operations share a name.
///
/// `There can be only one operation named 'Foo'.`, located at both names.
final class UniqueOperationNamesRule: ValidationRule {
    override class var visits: VisitKinds { [.operation, .fragmentDefinition] }

    private var known: [String: Location] = [:]

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .operation(let op):
            if let name = op.name {
                if let first = known[name.value] {
                    context.report("There can be only one operation named '\(name.value)'.", first, name.loc)
                } else {
                    known[name.value] = name.loc
                }
            }
            return .skip
        case .fragmentDefinition:
            return .skip
        default:
            return .proceed
        }
    }
}
