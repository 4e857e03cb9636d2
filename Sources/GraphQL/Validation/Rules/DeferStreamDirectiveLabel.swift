/// Defer And Stream Directive Labels Are Unique: a `label` given to `@defer` or
/// `@stream` is a static string, used once in the document.
///
/// `Defer directive label argument must be a static string.` (or `Stream …`), located
/// at the directive, and `Defer/Stream directive label argument must be unique.`,
/// located at both directives.
final class DeferStreamDirectiveLabel: ValidationRule {
    override class var visits: VisitKinds { [.directive] }

    private var knownLabels: [String: Location] = [:]

    override func enter(_ node: VisitNode) -> VisitResult {
        guard case .directive(let directive) = node else { return .proceed }
        let name = directive.name.value
        guard name == "defer" || name == "stream" else { return .proceed }
        guard let label = directive.arguments.first(where: { $0.name.value == "label" }) else { return .proceed }
        switch label.value {
        case .null:
            break
        case .string(let value, _, _):
            if let first = knownLabels[value] {
                context.report("Defer/Stream directive label argument must be unique.", first, directive.loc)
            } else {
                knownLabels[value] = directive.loc
            }
        default:
            let capitalized = name.prefix(1).uppercased() + name.dropFirst()
            context.report("\(capitalized) directive label argument must be a static string.", directive.loc)
        }
        return .proceed
    }
}
