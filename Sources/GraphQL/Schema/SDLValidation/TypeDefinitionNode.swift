/// One type definition or extension of an SDL document, whatever its kind: the SDL
/// checks and the schema builder treat the six kinds alike where they can.
enum TypeDefinitionNode {
    case scalar(ScalarTypeDefinition)
    case object(ObjectTypeDefinition)
    case interface(InterfaceTypeDefinition)
    case union(UnionTypeDefinition)
    case enumType(EnumTypeDefinition)
    case inputObject(InputObjectTypeDefinition)

    /// The type definition or extension a document definition holds, and whether it
    /// is an extension.
    init?(_ definition: Definition) {
        switch definition {
        case .scalarType(let d), .scalarTypeExtension(let d): self = .scalar(d)
        case .objectType(let d), .objectTypeExtension(let d): self = .object(d)
        case .interfaceType(let d), .interfaceTypeExtension(let d): self = .interface(d)
        case .unionType(let d), .unionTypeExtension(let d): self = .union(d)
        case .enumType(let d), .enumTypeExtension(let d): self = .enumType(d)
        case .inputObjectType(let d), .inputObjectTypeExtension(let d): self = .inputObject(d)
        default: return nil
        }
    }

    var name: Name {
        switch self {
        case .scalar(let d): return d.name
        case .object(let d), .interface(let d): return d.name
        case .union(let d): return d.name
        case .enumType(let d): return d.name
        case .inputObject(let d): return d.name
        }
    }

    var directives: [Directive] {
        switch self {
        case .scalar(let d): return d.directives
        case .object(let d), .interface(let d): return d.directives
        case .union(let d): return d.directives
        case .enumType(let d): return d.directives
        case .inputObject(let d): return d.directives
        }
    }

    var loc: Location {
        switch self {
        case .scalar(let d): return d.loc
        case .object(let d), .interface(let d): return d.loc
        case .union(let d): return d.loc
        case .enumType(let d): return d.loc
        case .inputObject(let d): return d.loc
        }
    }

    /// The kind as extension errors name it: `Cannot extend non-input object type …`.
    var kindName: String {
        switch self {
        case .scalar: return "scalar"
        case .object: return "object"
        case .interface: return "interface"
        case .union: return "union"
        case .enumType: return "enum"
        case .inputObject: return "input object"
        }
    }

    /// Where directives on this definition are applied.
    var directiveLocation: DirectiveLocation {
        switch self {
        case .scalar: return .scalar
        case .object: return .object
        case .interface: return .interface
        case .union: return .union
        case .enumType: return .enumType
        case .inputObject: return .inputObject
        }
    }

    /// Fields of objects, interfaces and input objects, by name node (for uniqueness checks).
    var fieldNames: [Name] {
        switch self {
        case .object(let d), .interface(let d): return d.fields.map(\.name)
        case .inputObject(let d): return d.fields.map(\.name)
        default: return []
        }
    }
}

extension DirectiveLocation {
    /// The location as graphql-core's messages spell it: `field definition`.
    var spelledOut: String {
        String(rawValue.lowercased().map { $0 == "_" ? " " : $0 })
    }
}
