import XCTest
@testable import GraphQL

/// The schema the validation rule tests run against (graphql-js's validation test
/// schema, grown a little): interfaces implementing interfaces, unions, enums, an
/// input object, nested lists, and all three root types. Other test files may use it.
enum ValidationTestSchema {
    static let sdl = """
        schema {
          query: QueryRoot
          mutation: MutationRoot
          subscription: SubscriptionRoot
        }

        interface Being {
          name(surname: Boolean): String
        }

        interface Mammal {
          mother: Mammal
          father: Mammal
        }

        interface Pet implements Being {
          name(surname: Boolean): String
        }

        interface Canine implements Mammal {
          name(surname: Boolean): String
          mother: Canine
          father: Canine
        }

        enum DogCommand {
          SIT
          HEEL
          DOWN
        }

        type Dog implements Being & Pet & Mammal & Canine {
          name(surname: Boolean): String
          nickname: String
          barkVolume: Int
          barks: Boolean
          doesKnowCommand(dogCommand: DogCommand): Boolean
          isHouseTrained(atOtherHomes: Boolean = true): Boolean
          isAtLocation(x: Int, y: Int): Boolean
          mother: Dog
          father: Dog
        }

        type Cat implements Being & Pet {
          name(surname: Boolean): String
          nickname: String
          meows: Boolean
          meowsVolume: Int
          furColor: FurColor
        }

        union CatOrDog = Cat | Dog

        interface Intelligent {
          iq: Int
        }

        type Human implements Being & Intelligent {
          name(surname: Boolean): String
          pets: [Pet]
          relatives: [Human]!
          iq: Int
          petMatrix: [[Pet!]]!
        }

        type Alien implements Being & Intelligent {
          iq: Int
          name(surname: Boolean): String
          numEyes: Int
        }

        union DogOrHuman = Dog | Human

        union HumanOrAlien = Human | Alien

        enum FurColor {
          BROWN
          BLACK
          TAN
          SPOTTED
          NO_FUR
          UNKNOWN
        }

        input ComplexInput {
          requiredField: Boolean!
          nonNullField: Boolean! = false
          intField: Int
          stringField: String
          booleanField: Boolean
          stringListField: [String]
        }

        type ComplicatedArgs {
          intArgField(intArg: Int): String
          nonNullIntArgField(nonNullIntArg: Int!): String
          stringArgField(stringArg: String): String
          booleanArgField(booleanArg: Boolean): String
          enumArgField(enumArg: FurColor): String
          floatArgField(floatArg: Float): String
          idArgField(idArg: ID): String
          stringListArgField(stringListArg: [String]): String
          stringListNonNullArgField(stringListNonNullArg: [String!]): String
          complexArgField(complexArg: ComplexInput): String
          multipleReqs(req1: Int!, req2: Int!): String
        }

        type QueryRoot {
          human(id: ID): Human
          alien: Alien
          dog: Dog
          cat: Cat
          pet: Pet
          being: Being
          catOrDog: CatOrDog
          dogOrHuman: DogOrHuman
          humanOrAlien: HumanOrAlien
          complicatedArgs: ComplicatedArgs
        }

        type MutationRoot {
          renameDog(name: String!): Dog
        }

        type Message {
          body: String
          sender: String
        }

        type SubscriptionRoot {
          importantEmails: [String]
          notImportantEmails: [String]
          moreImportantEmails: [String]
          spamEmails: [String]
          deletedEmails: [String]
          newMessage: Message
        }

        directive @onField on FIELD
        directive @defer(label: String, if: Boolean! = true) on FRAGMENT_SPREAD | INLINE_FRAGMENT
        """

    /// Built once; a failure to build is reported by every test that asks.
    private static let built = Result(catching: { () throws(GraphQLErrors) -> Schema in
        try buildSchema(Source(sdl, name: "ValidationTestSchema"))
    })

    static func schema() throws -> Schema { try built.get() }

    static func build(_ sdl: String) throws -> Schema {
        try buildSchema(Source(sdl, name: "test schema"))
    }
}

/// One row of a rule's table: a document and the errors graphql-core reports for it,
/// as (message, [(line, column)]).
struct RuleCase {
    let name: String
    let document: String
    let errors: [(String, [(Int, Int)])]
    let line: UInt

    init(_ name: String, _ document: String, _ errors: [(String, [(Int, Int)])], line: UInt = #line) {
        self.name = name
        self.document = document
        self.errors = errors
        self.line = line
    }
}

/// Validates every case's document with only `rule` and compares the errors, in order,
/// with the expected ones (message and every location).
func assertRule(
    _ rule: ValidationRule.Type, schema: Schema? = nil, limits: DocumentLimits = .none, _ cases: [RuleCase],
    file: StaticString = #filePath
) throws {
    let schema = try schema ?? ValidationTestSchema.schema()
    for testCase in cases {
        let document: Document
        do {
            document = try parseDocument(Source(testCase.document))
        } catch {
            XCTFail("\(testCase.name): does not parse: \(error)", file: file, line: testCase.line)
            continue
        }
        let actual = validate(schema: schema, document: document, rules: [rule], limits: limits).map(ruleErrorDescription)
        let expected = testCase.errors.map { message, locations in
            message + " @ " + locations.map { "\($0.0):\($0.1)" }.joined(separator: ", ")
        }
        XCTAssertEqual(actual, expected, testCase.name, file: file, line: testCase.line)
    }
}

/// `message @ line:column, line:column`, the form the tables compare.
func ruleErrorDescription(_ error: GraphQLError) -> String {
    error.message + " @ " + error.locations.map { "\($0.line):\($0.column)" }.joined(separator: ", ")
}
