import XCTest
@testable import GraphQL

/// The schema the validation-b rule tests run against: graphql-core's test harness
/// schema in spirit (beings, pets, complicated arguments, boxes for field merging),
/// plus @defer/@stream and directives at every executable location. The expectations
/// in the tests were produced by graphql-core 3.3.2 validating against this same SDL.
let validationSchemaBSDL = #"""
directive @defer(if: Boolean! = true, label: String) on FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @stream(if: Boolean! = true, label: String, initialCount: Int = 0) on FIELD
directive @onQuery on QUERY
directive @onMutation on MUTATION
directive @onSubscription on SUBSCRIPTION
directive @onField on FIELD
directive @onFragmentDefinition on FRAGMENT_DEFINITION
directive @onFragmentSpread on FRAGMENT_SPREAD
directive @onInlineFragment on INLINE_FRAGMENT
directive @onVariableDefinition on VARIABLE_DEFINITION
directive @repeatable repeatable on FIELD | QUERY | FRAGMENT_SPREAD
directive @withArgs(req: Int!, opt: String = "x", other: [String]) on FIELD | FRAGMENT_SPREAD
directive @onSchema on SCHEMA

scalar Custom

interface Being {
  name(surname: Boolean): String
}

interface Pet implements Being {
  name(surname: Boolean): String
}

enum DogCommand {
  SIT
  HEEL
  DOWN
}

enum FurColor {
  BROWN
  BLACK
  TAN
  SPOTTED
  NO_FUR
  UNKNOWN
}

type Dog implements Being & Pet {
  name(surname: Boolean): String
  nickname: String
  barkVolume: Int
  barks: Boolean
  doesKnowCommand(dogCommand: DogCommand): Boolean
  isHouseTrained(atOtherHomes: Boolean = true): Boolean
  isAtLocation(x: Int, y: Int): Boolean
  mother: Dog
  father: Dog
  friends: [Dog]
}

type Cat implements Being & Pet {
  name(surname: Boolean): String
  nickname: String
  meows: Boolean
  meowsVolume: Int
  furColor: FurColor
}

union CatOrDog = Cat | Dog

type Human implements Being {
  name(surname: Boolean): String
  pets: [Pet]
  relatives: [Human]!
  iq: Int
}

type Alien implements Being {
  name(surname: Boolean): String
  numEyes: Int
}

union DogOrHuman = Dog | Human

union HumanOrAlien = Human | Alien

input ComplexInput {
  requiredField: Boolean!
  nonNullField: Boolean! = false
  intField: Int
  stringField: String
  booleanField: Boolean
  stringListField: [String]
}

input OneOfInput @oneOf {
  stringField: String
  intField: Int
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
  oneOfArgField(oneOfArg: OneOfInput): String
  nonNullOneOfArgField(oneOfArg: OneOfInput!): String
  multipleReqs(req1: Int!, req2: Int!): String
  nonNullFieldWithDefault(arg: Int! = 0): String
  multipleOpts(opt1: Int = 0, opt2: Int = 0): String
  multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
  customArgField(customArg: Custom): String
  nonNullBooleanArgField(nonNullBooleanArg: Boolean!): String
  booleanListArgField(booleanListArg: [Boolean]!): [Boolean]
  optionalNonNullBooleanArgField(optionalBooleanArg: Boolean! = false): Boolean
  nullableListOfNonNullInts(ints: [Int!]): String
}

interface SomeBox {
  deepBox: SomeBox
  unrelatedField: String
}

type StringBox implements SomeBox {
  scalar: String
  deepBox: StringBox
  unrelatedField: String
  listStringBox: [StringBox]
  stringBox: StringBox
  intBox: IntBox
}

type IntBox implements SomeBox {
  scalar: Int
  deepBox: IntBox
  unrelatedField: String
  listStringBox: [StringBox]
  stringBox: StringBox
  intBox: IntBox
}

interface NonNullStringBox1 {
  scalar: String!
}

type NonNullStringBox1Impl implements SomeBox & NonNullStringBox1 {
  scalar: String!
  unrelatedField: String
  deepBox: SomeBox
}

interface NonNullStringBox2 {
  scalar: String!
}

type NonNullStringBox2Impl implements SomeBox & NonNullStringBox2 {
  scalar: String!
  unrelatedField: String
  deepBox: SomeBox
}

type Connection {
  edges: [Edge]
}

type Edge {
  node: Node
}

type Node {
  id: ID
  name: String
}

type Query {
  human(id: ID): Human
  alien: Alien
  dog: Dog
  cat: Cat
  pet: Pet
  catOrDog: CatOrDog
  dogOrHuman: DogOrHuman
  humanOrAlien: HumanOrAlien
  complicatedArgs: ComplicatedArgs
  someBox: SomeBox
  connection: Connection
  list: [String]
  field(a: String, b: Int): String
  items(first: Int): [String]
  message: Message
}

type Mutation {
  updateMessage(id: ID): String
  messages: [String]
  message: Message
}

type Subscription {
  newMessage: Message
  messages: [Message]
}

type Message {
  body: String
  sender: String
  replies: [Message]
}
"""#

let validationSchemaB: Schema = {
    do {
        return try buildSchema(Source(validationSchemaBSDL))
    } catch {
        fatalError("validation test schema B does not build: \(error)")
    }
}()

/// One row of a rule's table: a document and the errors graphql-core reports for it
/// (message, then line:column of each location).
struct RuleCaseB {
    let name: String
    let document: String
    let errors: [(String, [(Int, Int)])]

    init(_ name: String, _ document: String, _ errors: [(String, [(Int, Int)])]) {
        self.name = name
        self.document = document
        self.errors = errors
    }
}

/// Validates each document with `rule` alone and compares messages and locations,
/// in order.
func checkRuleB(
    _ rule: ValidationRule.Type, _ cases: [RuleCaseB], file: StaticString = #filePath, line: UInt = #line
) {
    checkRulesB([rule], cases, file: file, line: line)
}

/// Validates each document with `rules` and compares messages and locations, in order.
func checkRulesB(
    _ rules: [ValidationRule.Type], _ cases: [RuleCaseB], file: StaticString = #filePath, line: UInt = #line
) {
    for testCase in cases {
        let document: Document
        do {
            document = try parseDocument(Source(testCase.document))
        } catch {
            XCTFail("\(testCase.name): does not parse: \(error)", file: file, line: line)
            continue
        }
        let errors = validate(schema: validationSchemaB, document: document, rules: rules)
        let actual = errors.map { error in
            error.message + " @ " + error.locations.map { "\($0.line):\($0.column)" }.joined(separator: ", ")
        }
        let expected = testCase.errors.map { message, locations in
            message + " @ " + locations.map { "\($0.0):\($0.1)" }.joined(separator: ", ")
        }
        XCTAssertEqual(actual, expected, testCase.name, file: file, line: line)
    }
}
