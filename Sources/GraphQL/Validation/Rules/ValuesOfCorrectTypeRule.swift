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
///
/// The checks are execution's literal coercion, run statically (`validateInputLiteral`),
/// so that what validation accepts, execution coerces, with the same messages.
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
        if let type {
            for problem in validateInputLiteral(value, type, schema: context.schema) {
                context.report(GraphQLError(problem.message, source: context.source, nodes: problem.loc.map { [$0] } ?? []))
            }
        }
        // Everything inside has been checked.
        return .skip
    }
}
