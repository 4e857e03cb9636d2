/// What an SDL check sees while the walker visits a document: the document itself and
/// the errors so far. One context per validation run.
final class SDLValidationContext {
    let document: Document
    private(set) var errors: [GraphQLError] = []

    init(document: Document) {
        self.document = document
    }

    func report(_ message: String, _ nodes: [Location]) {
        errors.append(GraphQLError(message, source: document.source, nodes: nodes))
    }

    /// Names of the types the document defines (extensions excluded).
    lazy var definedTypeNames: [String] = document.definitions.compactMap { definition in
        switch definition {
        case .scalarType, .objectType, .interfaceType, .unionType, .enumType, .inputObjectType:
            return TypeDefinitionNode(definition)?.name.value
        default:
            return nil
        }
    }

    /// The directive definitions of the document.
    lazy var directiveDefinitions: [DirectiveDefinition] = document.definitions.compactMap {
        if case .directive(let d) = $0 { return d } else { return nil }
    }
}

/// A node the SDL walker enters or leaves, in graphql-core's visiting order.
enum SDLNode {
    case schemaDefinition(SchemaDefinition)
    case schemaExtension(SchemaDefinition)
    case typeDefinition(TypeDefinitionNode)
    case typeExtension(TypeDefinitionNode)
    case directiveDefinition(DirectiveDefinition)
    case directiveExtension(DirectiveExtension)
    /// Any other node carrying directives (fields, arguments, enum values, operations…).
    case directiveHolder([Directive])
    /// A named type; `inTypeSystem` when its top-level definition is SDL, not an operation.
    case namedType(NamedTypeNode, inTypeSystem: Bool)
    /// A directive and the location it is applied at.
    case directive(Directive, location: DirectiveLocation?)
    case field(Field)
    case objectValue
    case objectField(ObjectField)

    /// The directives applied to this node, for checks that look at any node's directives.
    var directives: [Directive] {
        switch self {
        case .schemaDefinition(let d), .schemaExtension(let d): return d.directives
        case .typeDefinition(let d), .typeExtension(let d): return d.directives
        case .directiveDefinition(let d): return d.directives
        case .directiveExtension(let d): return d.directives
        case .directiveHolder(let ds): return ds
        case .field(let f): return f.directives
        default: return []
        }
    }
}

/// One SDL check. The walker calls every check for each node in order, so errors
/// come out in graphql-core's order (its rules run in parallel over one traversal).
protocol SDLValidationRule: AnyObject {
    func enter(_ node: SDLNode)
    func leave(_ node: SDLNode)
}

extension SDLValidationRule {
    func leave(_ node: SDLNode) {}
}
