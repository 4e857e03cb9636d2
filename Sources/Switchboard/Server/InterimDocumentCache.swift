import GraphQL

// TEMPORARY: stands in for Documents/DocumentCache.swift (branch `httpgql`) until it lands;
// same names, no caching.
final class DocumentCache {
    func document(for text: String, schema: Schema) -> CachedDocument {
        let document: Document
        do {
            document = try parseDocument(Source(text))
        } catch {
            return .invalid([error.withCode("GRAPHQL_PARSE_FAILED")], kind: .parse)
        }
        let errors = validate(schema: schema, document: document)
        if !errors.isEmpty { return .invalid(errors.map { $0.withCode("GRAPHQL_VALIDATION_FAILED") }, kind: .validation) }
        return .valid(document)
    }
}

enum CachedDocument {
    case valid(Document)
    case invalid([GraphQLError], kind: Failure)
    enum Failure { case parse, validation }
}
