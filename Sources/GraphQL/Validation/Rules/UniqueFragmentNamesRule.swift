/// Fragment Name Uniqueness (spec §5.5.1.1): no two fragments share a name.
///
/// `There can be only one fragment named 'F'.`, located at the first definition's name
/// and the repeated one's.
final class UniqueFragmentNamesRule: ValidationRule {
    override class var visits: VisitKinds { [.fragmentDefinition, .operation] }

    private var known: [String: Location] = [:]

    override func enter(_ node: VisitNode) -> VisitResult {
        switch node {
        case .fragmentDefinition(let fragment):
            let name = fragment.name
            if let first = known[name.value] {
                context.report("There can be only one fragment named '\(name.value)'.", first, name.loc)
            } else {
                known[name.value] = name.loc
            }
            return .skip
        case .operation:
            return .skip
        default:
            return .proceed
        }
    }
}
