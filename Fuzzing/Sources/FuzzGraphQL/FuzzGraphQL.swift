import Chat
import FuzzSupport
import GraphQL

// Input: the bytes of a GraphQL document (any bytes: the lexer must reject invalid UTF-8 with
// an error, not trap). What must hold:
// - parsing returns a document or a located error, never traps;
// - a document that parses prints to text that parses again and prints the same (the printer
//   is what error messages and the `check` command show);
// - validation against the chat schema finishes for any document that parses;
// - a document with type definitions either builds a schema or reports why;
// - a lone value and a lone type parse or fail cleanly too.

let schema = ChatSchema.schema

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphQL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    checkDocument(bytes)
    checkValueAndType(bytes)
    return 0
}

func checkDocument(_ bytes: [UInt8]) {
    let document: Document
    do {
        document = try parseDocument(Source(bytes: bytes))
    } catch {
        checkLocations(error, bytes)
        return
    }
    let printed = printDocument(document)
    let reparsed: Document
    do {
        reparsed = try parseDocument(Source(printed))
    } catch {
        require(false, "printed document does not parse: \(error)\n--- printed:\n\(printed)")
        return
    }
    let reprinted = printDocument(reparsed)
    require(reprinted == printed, "printing is not stable:\n--- first:\n\(printed)\n--- second:\n\(reprinted)")

    for error in validate(schema: schema, document: document) {
        checkLocations(error, bytes)
    }
    let hasTypeSystem = document.definitions.contains {
        switch $0 {
        case .operation, .fragment: return false
        default: return true
        }
    }
    if hasTypeSystem {
        do {
            let built = try buildSchema(document: document)
            _ = printSchema(built)
        } catch {
            for e in error.errors { checkLocations(e, bytes) }
        }
    }
}

func checkValueAndType(_ bytes: [UInt8]) {
    if let value = try? parseValue(Source(bytes: bytes)) {
        let printed = printValue(value)
        require((try? parseValue(Source(printed))) != nil, "printed value does not parse: \(printed)")
    }
    if let type = try? parseType(Source(bytes: bytes)) {
        let printed = printType(type)
        require((try? parseType(Source(printed))) != nil, "printed type does not parse: \(printed)")
    }
}

/// Every location an error names lies in the source: line 1…(lines), column ≥ 1.
func checkLocations(_ error: GraphQLError, _ bytes: [UInt8]) {
    let lines = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") || $1 == UInt8(ascii: "\r") ? 1 : 0) }
    for location in error.locations {
        require(
            location.line >= 1 && location.line <= lines && location.column >= 1,
            "error '\(error.message)' at \(location) outside a source of \(lines) line(s)")
    }
}
