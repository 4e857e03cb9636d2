/// Input Object Field Uniqueness: no field is given twice in an input object value.
///
/// `There can be only one input field named 'foo'.`, located at both field names.
final class UniqueInputFieldNamesRule: ValidationRule {
    override class var visits: VisitKinds { [.value, .objectField] }

    private var knownStack: [[String: Location]] = []
    private var known: [String: Location] = [:]

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .value(.object):
            knownStack.append(known)
            known = [:]
        case .objectField(let field):
            let name = field.name.value
            if let first = known[name] {
                context.report("There can be only one input field named '\(name)'.", first, field.name.loc)
            } else {
                known[name] = field.name.loc
            }
        default:
            break
        }
        return .proceed
    }

    override func leave(_ node: VisitNode) {
        if case .value(.object) = node {
            known = knownStack.removeLast()
        }
    }
}
