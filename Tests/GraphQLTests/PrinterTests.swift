import XCTest
@testable import GraphQL

/// Expected texts were printed by graphql-core 3.3.2's `print_ast` from the same input.
final class PrinterTests: XCTestCase {

    private func printed(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            return printDocument(try parseDocument(Source(text)))
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return nil
        }
    }

    /// Printing what was printed gives the same text: the printer's output parses back to
    /// the same document.
    private func assertStable(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let once = printed(text, file: file, line: line) else { return }
        XCTAssertEqual(printed(once, file: file, line: line), once, file: file, line: line)
    }

    // MARK: - Kitchen sinks (graphql-core tests/fixtures)

    func testKitchenSinkQuery() {
        let source = #"""
        "Query description"
        query queryName(
          "Very complex variable"
          $foo: ComplexType,
          $site: Site = MOBILE
        ) @onQuery {
          whoever123is: node(id: [123, 456]) {
            id ,
            ... on User @onInlineFragment {
              field2 {
                id ,
                alias: field1(first:10, after:$foo,) @include(if: $foo) {
                  id,
                  ...frag @onFragmentSpread
                }
              }
            }
            ... @skip(unless: $foo) {
              id
            }
            ... {
              id
            }
          }
        }

        mutation likeStory @onMutation {
          like(story: 123) @onField {
            story {
              id @onField
            }
          }
        }

        subscription StoryLikeSubscription(
          $input: StoryLikeSubscribeInput @onVariableDefinition
        ) @onSubscription {
          storyLikeSubscribe(input: $input) {
            story {
              likers {
                count
              }
              likeSentence {
                text
              }
            }
          }
        }

        """
          Fragment description
        """
        fragment frag on Friend @onFragmentDefinition {
          foo(size: $size, bar: $b, obj: {key: "value", block: """

              block string uses \"""

          """})
        }

        {
          unnamed(truthy: true, falsy: false, nullish: null),
          query
        }

        query { __typename }
        """#
        let expected = #"""
        "Query description"
        query queryName(
        "Very complex variable"
        $foo: ComplexType
        $site: Site = MOBILE
        ) @onQuery {
          whoever123is: node(id: [123, 456]) {
            id
            ... on User @onInlineFragment {
              field2 {
                id
                alias: field1(first: 10, after: $foo) @include(if: $foo) {
                  id
                  ...frag @onFragmentSpread
                }
              }
            }
            ... @skip(unless: $foo) {
              id
            }
            ... {
              id
            }
          }
        }

        mutation likeStory @onMutation {
          like(story: 123) @onField {
            story {
              id @onField
            }
          }
        }

        subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
          storyLikeSubscribe(input: $input) {
            story {
              likers {
                count
              }
              likeSentence {
                text
              }
            }
          }
        }

        """Fragment description"""
        fragment frag on Friend @onFragmentDefinition {
          foo(
            size: $size
            bar: $b
            obj: { key: "value", block: """
            block string uses \"""
            """ }
          )
        }

        {
          unnamed(truthy: true, falsy: false, nullish: null)
          query
        }

        {
          __typename
        }
        """#
        XCTAssertEqual(printed(source), expected)
        assertStable(source)
    }

    func testSchemaKitchenSink() {
        let source = #"""
        # Copyright (c) 2015-present, Facebook, Inc.
        #
        # This source code is licensed under the MIT license found in the
        # LICENSE file in the root directory of this source tree.

        schema {
          query: QueryType
          mutation: MutationType
        }

        """
        This is a description
        of the `Foo` type.
        """
        type Foo implements Bar & Baz & Two {
          "Description of the `one` field."
          one: Type
          """
          This is a description of the `two` field.
          """
          two(
            """
            This is a description of the `argument` argument.
            """
            argument: InputType!
          ): Type
          """This is a description of the `three` field."""
          three(argument: InputType, other: String): Int
          four(argument: String = "string"): String
          five(argument: [String] = ["string", "string"]): String
          six(argument: InputType = {key: "value"}): Type
          seven(argument: Int = null): Type
        }

        type AnnotatedObject @onObject(arg: "value") {
          annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
        }

        type UndefinedType

        extend type Foo {
          seven(argument: [String]): Type
        }

        extend type Foo @onType

        interface Bar {
          one: Type
          four(argument: String = "string"): String
        }

        interface AnnotatedInterface @onInterface {
          annotatedField(arg: Type @onArgumentDefinition): Type @onField
        }

        interface UndefinedInterface

        extend interface Bar implements Two {
          two(argument: InputType!): Type
        }

        extend interface Bar @onInterface

        interface Baz implements Bar & Two {
          one: Type
          two(argument: InputType!): Type
          four(argument: String = "string"): String
        }

        union Feed =
          | Story
          | Article
          | Advert

        union AnnotatedUnion @onUnion = A | B

        union AnnotatedUnionTwo @onUnion = | A | B

        union UndefinedUnion

        extend union Feed = Photo | Video

        extend union Feed @onUnion

        scalar CustomScalar

        scalar AnnotatedScalar @onScalar

        extend scalar CustomScalar @onScalar

        enum Site {
          """
          This is a description of the `DESKTOP` value
          """
          DESKTOP

          """This is a description of the `MOBILE` value"""
          MOBILE

          "This is a description of the `WEB` value"
          WEB
        }

        enum AnnotatedEnum @onEnum {
          ANNOTATED_VALUE @onEnumValue
          OTHER_VALUE
        }

        enum UndefinedEnum

        extend enum Site {
          VR
        }

        extend enum Site @onEnum

        input InputType {
          key: String!
          answer: Int = 42
        }

        input AnnotatedInput @onInputObject {
          annotatedField: Type @onInputFieldDefinition
        }

        input UndefinedInput

        extend input InputType {
          other: Float = 1.23e4 @onInputFieldDefinition
        }

        extend input InputType @onInputObject

        """
        This is a description of the `@skip` directive
        """
        directive @skip(
          if: Boolean! @onArgumentDefinition
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include(if: Boolean!)
          on FIELD
           | FRAGMENT_SPREAD
           | INLINE_FRAGMENT

        directive @include2(if: Boolean!) on
          | FIELD
          | FRAGMENT_SPREAD
          | INLINE_FRAGMENT

        directive @myRepeatableDir(name: String!) repeatable on
          | OBJECT
          | INTERFACE

        extend schema @onSchema

        extend schema @onSchema {
          subscription: SubscriptionType
        }
        """#
        let expected = #"""
        schema {
          query: QueryType
          mutation: MutationType
        }

        """
        This is a description
        of the `Foo` type.
        """
        type Foo implements Bar & Baz & Two {
          "Description of the `one` field."
          one: Type
          """This is a description of the `two` field."""
          two(
            """This is a description of the `argument` argument."""
            argument: InputType!
          ): Type
          """This is a description of the `three` field."""
          three(argument: InputType, other: String): Int
          four(argument: String = "string"): String
          five(argument: [String] = ["string", "string"]): String
          six(argument: InputType = { key: "value" }): Type
          seven(argument: Int = null): Type
        }

        type AnnotatedObject @onObject(arg: "value") {
          annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
        }

        type UndefinedType

        extend type Foo {
          seven(argument: [String]): Type
        }

        extend type Foo @onType

        interface Bar {
          one: Type
          four(argument: String = "string"): String
        }

        interface AnnotatedInterface @onInterface {
          annotatedField(arg: Type @onArgumentDefinition): Type @onField
        }

        interface UndefinedInterface

        extend interface Bar implements Two {
          two(argument: InputType!): Type
        }

        extend interface Bar @onInterface

        interface Baz implements Bar & Two {
          one: Type
          two(argument: InputType!): Type
          four(argument: String = "string"): String
        }

        union Feed = Story | Article | Advert

        union AnnotatedUnion @onUnion = A | B

        union AnnotatedUnionTwo @onUnion = A | B

        union UndefinedUnion

        extend union Feed = Photo | Video

        extend union Feed @onUnion

        scalar CustomScalar

        scalar AnnotatedScalar @onScalar

        extend scalar CustomScalar @onScalar

        enum Site {
          """This is a description of the `DESKTOP` value"""
          DESKTOP
          """This is a description of the `MOBILE` value"""
          MOBILE
          "This is a description of the `WEB` value"
          WEB
        }

        enum AnnotatedEnum @onEnum {
          ANNOTATED_VALUE @onEnumValue
          OTHER_VALUE
        }

        enum UndefinedEnum

        extend enum Site {
          VR
        }

        extend enum Site @onEnum

        input InputType {
          key: String!
          answer: Int = 42
        }

        input AnnotatedInput @onInputObject {
          annotatedField: Type @onInputFieldDefinition
        }

        input UndefinedInput

        extend input InputType {
          other: Float = 1.23e4 @onInputFieldDefinition
        }

        extend input InputType @onInputObject

        """This is a description of the `@skip` directive"""
        directive @skip(if: Boolean! @onArgumentDefinition) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include2(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @myRepeatableDir(name: String!) repeatable on OBJECT | INTERFACE

        extend schema @onSchema

        extend schema @onSchema {
          subscription: SubscriptionType
        }
        """#
        XCTAssertEqual(printed(source), expected)
        assertStable(source)
    }

    // MARK: - Documents

    func testDocuments() {
        let cases: [(input: String, expected: String)] = [
            ("{ a }",
             "{\n  a\n}"),
            ("query { a }",
             "{\n  a\n}"),
            ("query Q { a }",
             "query Q {\n  a\n}"),
            ("mutation { a }",
             "mutation {\n  a\n}"),
            ("subscription { a }",
             "subscription {\n  a\n}"),
            ("query ($a: Int) { f }",
             "query ($a: Int) {\n  f\n}"),
            ("query @dir { f }",
             "query @dir {\n  f\n}"),
            ("subscription OnMessage($room: ID!, $limit: Int = 10 @deprecated, $tags: [String!]! = [\"a\", \"b\"]) @live { onMessage(room: $room, limit: $limit) { id text author { name } } }",
             "subscription OnMessage($room: ID!, $limit: Int = 10 @deprecated, $tags: [String!]! = [\"a\", \"b\"]) @live {\n  onMessage(room: $room, limit: $limit) {\n    id\n    text\n    author {\n      name\n    }\n  }\n}"),
            ("{ a: b(x: 1) @skip(if: false) @include(if: true) { c } }",
             "{\n  a: b(x: 1) @skip(if: false) @include(if: true) {\n    c\n  }\n}"),
            ("{ f(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\") }",
             "{\n  f(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\")\n}"),
            ("{ f(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\") }",
             "{\n  f(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\")\n}"),
            ("{ alias: f(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\") }",
             "{\n  alias: f(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\")\n}"),
            ("{ alias: f(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\") }",
             "{\n  alias: f(a: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\")\n}"),
            ("{ f(a: 1, b: 2) @dir(a: \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\") }",
             "{\n  f(a: 1, b: 2) @dir(a: \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\")\n}"),
            ("{ a { b { c { d(arg: {nested: {deeper: [1, 2, 3]}, other: \"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\"}) } } } }",
             "{\n  a {\n    b {\n      c {\n        d(\n          arg: {\n            nested: { deeper: [1, 2, 3] }\n            other: \"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\"\n          }\n        )\n      }\n    }\n  }\n}"),
            ("{ f(list: [\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\", \"cccccccccccccccccccccccccccccc\"]) }",
             "{\n  f(\n    list: [\n      \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n      \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"\n      \"cccccccccccccccccccccccccccccc\"\n    ]\n  )\n}"),
            ("{ f(obj: {s: \"\"\"block\n  string\n    here\"\"\", t: \"x\"}) { g } }",
             "{\n  f(obj: { s: \"\"\"\n  block\n  string\n    here\n  \"\"\", t: \"x\" }) {\n    g\n  }\n}"),
            ("{ a { f(s: \"\"\"\n    first line\n      indented more\n    last\n  \"\"\") } }",
             "{\n  a {\n    f(s: \"\"\"\n    first line\n      indented more\n    last\n    \"\"\")\n  }\n}"),
            ("{ f(s: \"esc \\\" \\\\ \\n \\t \\u0001 \\u00e9 \u{E9} \u{1F600} \\uD83D\\uDE00\") }",
             "{\n  f(s: \"esc \\\" \\\\ \\n \\t \\u0001 \u{E9} \u{E9} \u{1F600} \u{1F600}\")\n}"),
            ("{ ... on T @d { a } ... @d { b } ... { c } ...F @d ...G }",
             "{\n  ... on T @d {\n    a\n  }\n  ... @d {\n    b\n  }\n  ... {\n    c\n  }\n  ...F @d\n  ...G\n}"),
            ("fragment F on T { a } fragment G on U @a @b { b }",
             "fragment F on T {\n  a\n}\n\nfragment G on U @a @b {\n  b\n}"),
            ("\"desc\" fragment F on T { a }",
             "\"desc\"\nfragment F on T {\n  a\n}"),
            ("\"\"\"\n  Block desc\n\"\"\"\nquery Q { a }",
             "\"\"\"Block desc\"\"\"\nquery Q {\n  a\n}"),
            ("query Q(\"\"\"var\ndesc\"\"\" $a: Int, \"plain\" $b: Int) { a }",
             "query Q(\n\"\"\"\nvar\ndesc\n\"\"\"\n$a: Int\n\"plain\"\n$b: Int\n) {\n  a\n}"),
            ("query Q(\"plain\" $a: Int, $b: Int) { a }",
             "query Q(\n\"plain\"\n$a: Int\n$b: Int\n) {\n  a\n}"),
            ("{ f(a: 1.5e10, b: -0, c: 0.1, d: ENUM_VALUE, e: null, f: true, g: false, h: $v, i: [], j: {}) }",
             "{\n  f(\n    a: 1.5e10\n    b: -0\n    c: 0.1\n    d: ENUM_VALUE\n    e: null\n    f: true\n    g: false\n    h: $v\n    i: []\n    j: {  }\n  )\n}"),
            ("{ f(a: [[1, [2]], {a: {b: {}}}]) }",
             "{\n  f(a: [[1, [2]], { a: { b: {  } } }])\n}"),
            ("{ f(x: \"\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\") }",
             "{\n  f(x: \"\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\")\n}"),
            ("{ f(x: \"\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\") }",
             "{\n  f(x: \"\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\")\n}"),
            ("{ f(a: \"\"\"\"\"\", b: \"\"\" lead\"\"\", c: \"\"\"trail\\\"\"\"\"\"\", d: \"\"\"has \\\"\"\" inside\"\"\") }",
             "{\n  f(a: \"\"\"\"\"\", b: \"\"\" lead\"\"\", c: \"\"\"\n  trail\\\"\"\"\n  \"\"\", d: \"\"\"has \\\"\"\" inside\"\"\")\n}"),
            ("directive @a(x: Int) @b @c(y: 1) repeatable on FIELD | QUERY",
             "directive @a(x: Int) @b @c(y: 1) repeatable on FIELD | QUERY"),
            ("extend directive @a @b(x: 1)",
             "extend directive @a @b(x: 1)"),
            ("\"schema desc\" schema @d { query: Q }",
             "\"schema desc\"\nschema @d {\n  query: Q\n}"),
            ("\"\"\"\n  Block\n    desc\n\"\"\"\nschema { query: Q subscription: S }",
             "\"\"\"\nBlock\n  desc\n\"\"\"\nschema {\n  query: Q\n  subscription: S\n}"),
            ("type T { f(a: Int, b: String = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", c: [Int!]! = [1, 2]): Int @deprecated(reason: \"no\") }",
             "type T {\n  f(a: Int, b: String = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", c: [Int!]! = [1, 2]): Int @deprecated(reason: \"no\")\n}"),
            ("type T { f(\"arg desc\" a: Int, b: Int): Int }",
             "type T {\n  f(\n    \"arg desc\"\n    a: Int\n    b: Int\n  ): Int\n}"),
            ("type T { f(\"\"\"\n  multi\n  line\n\"\"\" a: Int, b: Int): Int }",
             "type T {\n  f(\n    \"\"\"\n    multi\n    line\n    \"\"\"\n    a: Int\n    b: Int\n  ): Int\n}"),
            ("interface I implements J & K @d { f: Int }",
             "interface I implements J & K @d {\n  f: Int\n}"),
            ("extend interface I implements J",
             "extend interface I implements J"),
            ("extend type T implements I",
             "extend type T implements I"),
            ("type T implements I",
             "type T implements I"),
            ("union U = | A | B",
             "union U = A | B"),
            ("extend union U @d",
             "extend union U @d"),
            ("\"\"\"\n  A description\n  with two lines\n\"\"\"\nenum E { \"a\" A @d \"\"\"b\"\"\" B C }",
             "\"\"\"\nA description\nwith two lines\n\"\"\"\nenum E {\n  \"a\"\n  A @d\n  \"\"\"b\"\"\"\n  B\n  C\n}"),
            ("input I { \"desc\" a: Int = 1 @d, b: I = {a: 1, b: {c: [1, 2, 3]}} }",
             "input I {\n  \"desc\"\n  a: Int = 1 @d\n  b: I = { a: 1, b: { c: [1, 2, 3] } }\n}"),
            ("input I { a: I = {aaaaaaaaaaaaaaaaaaaaaaaaaa: 1, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: 2, cccccccccccccccccccccccc: 3} }",
             "input I {\n  a: I = {\n    aaaaaaaaaaaaaaaaaaaaaaaaaa: 1\n    bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: 2\n    cccccccccccccccccccccccc: 3\n  }\n}"),
            ("scalar Date @specifiedBy(url: \"https://example.com/date\") extend scalar Date @d",
             "scalar Date @specifiedBy(url: \"https://example.com/date\")\n\nextend scalar Date @d"),
            ("\"directive desc\" directive @d(\"\"\"arg\ndesc\"\"\" x: Int = 1) on FIELD_DEFINITION | ARGUMENT_DEFINITION",
             "\"directive desc\"\ndirective @d(\n  \"\"\"\n  arg\n  desc\n  \"\"\"\n  x: Int = 1\n) on FIELD_DEFINITION | ARGUMENT_DEFINITION"),
            ("type Query { \"field with a description that is quite long indeed, more than seventy characters\" f: Int }",
             "type Query {\n  \"field with a description that is quite long indeed, more than seventy characters\"\n  f: Int\n}"),
            ("type Query { \"\"\"\n    Indented description\n      with more\n  \"\"\" f: Int }",
             "type Query {\n  \"\"\"\n  Indented description\n    with more\n  \"\"\"\n  f: Int\n}"),
            ("type T { f: Int } extend type T { g: Int } extend schema { mutation: M }",
             "type T {\n  f: Int\n}\n\nextend type T {\n  g: Int\n}\n\nextend schema {\n  mutation: M\n}"),
            ("type Chat { \"The room's name\" name: String! messages(first: Int = 20, after: String): [Message!]! @deprecated }",
             "type Chat {\n  \"The room's name\"\n  name: String!\n  messages(first: Int = 20, after: String): [Message!]! @deprecated\n}"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(printed(input), expected, input)
            assertStable(input)
        }
    }

    func testValues() throws {
        let cases: [(input: String, expected: String)] = [
            ("[1, 2.5, \"x\", true, false, null, ENUM, $var, [], {a: 1}]", "[1, 2.5, \"x\", true, false, null, ENUM, $var, [], { a: 1 }]"),
            ("[\"aaaaaaaaaaaaaaaaaaaa\", \"bbbbbbbbbbbbbbbbbbbb\", \"cccccccccccccccccccc\", \"ddddddddddd\"]", "[\n  \"aaaaaaaaaaaaaaaaaaaa\"\n  \"bbbbbbbbbbbbbbbbbbbb\"\n  \"cccccccccccccccccccc\"\n  \"ddddddddddd\"\n]"),
            ("[\"aaaaaaaaaaaaaaaaaaaa\", \"bbbbbbbbbbbbbbbbbbbb\", \"cccccccccccccccccccc\", \"dddddddddddd\"]", "[\n  \"aaaaaaaaaaaaaaaaaaaa\"\n  \"bbbbbbbbbbbbbbbbbbbb\"\n  \"cccccccccccccccccccc\"\n  \"dddddddddddd\"\n]"),
            ("{aaaaaaaaaaaaaaaaaaaa: 1, bbbbbbbbbbbbbbbbbbbb: 2, cccccccccccccccccccc: 3, d: 44}", "{\n  aaaaaaaaaaaaaaaaaaaa: 1\n  bbbbbbbbbbbbbbbbbbbb: 2\n  cccccccccccccccccccc: 3\n  d: 44\n}"),
            ("{aaaaaaaaaaaaaaaaaaaa: 1, bbbbbbbbbbbbbbbbbbbb: 2, cccccccccccccccccccc: 3, d: 444}", "{\n  aaaaaaaaaaaaaaaaaaaa: 1\n  bbbbbbbbbbbbbbbbbbbb: 2\n  cccccccccccccccccccc: 3\n  d: 444\n}"),
            ("{a: {b: [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"]}}", "{\n  a: {\n    b: [\n      \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n      \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"\n    ]\n  }\n}"),
            ("\"\"\"block\n  indented\"\"\"", "\"\"\"\nblock\nindented\n\"\"\""),
            ("{s: \"\"\"a\nb\"\"\"}", "{ s: \"\"\"\na\nb\n\"\"\" }"),
            ("{}", "{  }"),
            ("[]", "[]"),
            ("-1.5e-3", "-1.5e-3"),
            ("\"\\u00e9\\u0000\\u007f\"", "\"\u{E9}\\u0000\\u007F\""),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(printValue(try parseValue(Source(input))), expected, input)
        }
    }

    func testTypes() throws {
        XCTAssertEqual(printType(try parseType(Source("String"))), "String")
        XCTAssertEqual(printType(try parseType(Source("String!"))), "String!")
        XCTAssertEqual(printType(try parseType(Source("[String]"))), "[String]")
        XCTAssertEqual(printType(try parseType(Source("[[Int!]]!"))), "[[Int!]]!")
    }

    // MARK: - Strings

    func testPrintString() {
        let cases: [(String, String)] = [
            ("", "\"\""),
            ("hello", "\"hello\""),
            ("quote\" back\\slash", "\"quote\\\" back\\\\slash\""),
            ("\n\t\r\u{8}\u{C}", "\"\\n\\t\\r\\b\\f\""),
            ("\u{0}\u{1}\u{B}\u{E}\u{1F}", "\"\\u0000\\u0001\\u000B\\u000E\\u001F\""),
            ("\u{7F}\u{80}\u{9F}\u{A0}", "\"\\u007F\\u0080\\u009F\u{A0}\""),
            ("\u{E9} \u{4E2D}\u{6587} \u{1F600}", "\"\u{E9} \u{4E2D}\u{6587} \u{1F600}\""),
            ("\u{2028}", "\"\u{2028}\""),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(printString(input), expected)
        }
    }

    func testPrintBlockString() {
        let cases: [(value: String, indented: String, minimized: String)] = [
            ("", "\"\"\"\"\"\"", "\"\"\"\"\"\""),
            ("single line", "\"\"\"single line\"\"\"", "\"\"\"single line\"\"\""),
            (" leading space", "\"\"\" leading space\"\"\"", "\"\"\" leading space\"\"\""),
            ("\tleading tab", "\"\"\"\tleading tab\"\"\"", "\"\"\"\tleading tab\"\"\""),
            ("trailing quote\"", "\"\"\"\ntrailing quote\"\n\"\"\"", "\"\"\"trailing quote\"\n\"\"\""),
            ("trailing slash\\", "\"\"\"\ntrailing slash\\\n\"\"\"", "\"\"\"trailing slash\\\n\"\"\""),
            ("has \"\"\" triple", "\"\"\"has \\\"\"\" triple\"\"\"", "\"\"\"has \\\"\"\" triple\"\"\""),
            ("ends with triple\"\"\"", "\"\"\"\nends with triple\\\"\"\"\n\"\"\"", "\"\"\"ends with triple\\\"\"\"\"\"\""),
            ("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\"", "\"\"\"two\nlines\"\"\""),
            ("first\n  indented second", "\"\"\"\nfirst\n  indented second\n\"\"\"", "\"\"\"\nfirst\n  indented second\"\"\""),
            ("  all\n  indented", "\"\"\"\n  all\n  indented\n\"\"\"", "\"\"\"\n  all\n  indented\"\"\""),
            ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "\"\"\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\"\"", "\"\"\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\"\""),
            ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "\"\"\"\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\"\"\"", "\"\"\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\"\""),
            ("\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}", "\"\"\"\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\"\"\"", "\"\"\"\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\"\"\""),
            ("\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}", "\"\"\"\n\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\n\"\"\"", "\"\"\"\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\u{E9}\"\"\""),
            ("\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}", "\"\"\"\n\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\n\"\"\"", "\"\"\"\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\"\"\""),
            ("line\r\nwindows\rmac", "\"\"\"\nline\r\nwindows\rmac\n\"\"\"", "\"\"\"line\r\nwindows\rmac\"\"\""),
            ("\n leading newline", "\"\"\"\n\n leading newline\n\"\"\"", "\"\"\"\n\n leading newline\"\"\""),
            ("a\n\nb", "\"\"\"\na\n\nb\n\"\"\"", "\"\"\"a\n\nb\"\"\""),
            ("trailing newline\n", "\"\"\"\ntrailing newline\n\n\"\"\"", "\"\"\"\ntrailing newline\n\"\"\""),
            ("\"\"\"\"", "\"\"\"\n\\\"\"\"\"\n\"\"\"", "\"\"\"\\\"\"\"\"\n\"\"\""),
            ("\"\"\"\"\"\"\"", "\"\"\"\n\\\"\"\"\\\"\"\"\"\n\"\"\"", "\"\"\"\\\"\"\"\\\"\"\"\"\n\"\"\""),
            ("only \"quote\" inside", "\"\"\"only \"quote\" inside\"\"\"", "\"\"\"only \"quote\" inside\"\"\""),
            ("a\n b\n c", "\"\"\"\na\n b\n c\n\"\"\"", "\"\"\"\na\n b\n c\"\"\""),
            ("a\n\t\n b", "\"\"\"\na\n\t\n b\n\"\"\"", "\"\"\"\na\n\t\n b\"\"\""),
        ]
        for (value, indented, minimized) in cases {
            XCTAssertEqual(printBlockString(value), indented, value)
            XCTAssertEqual(printBlockString(value, minimize: true), minimized, value)
        }
    }

    func testIsPrintableAsBlockString() {
        let cases: [(String, Bool)] = [
            ("", true),
            ("a", true),
            ("\na", false),
            ("a\n", false),
            ("a\n\n", false),
            (" a", true),
            (" a\n b", false),
            ("a\n b", true),
            ("\u{1}", false),
            ("\u{10}", true),
            ("a\tb", true),
            ("  \n  a", false),
            ("a\n  \nb", true),
            ("\u{F}", false),
            ("\u{1F}", true),
            ("\u{E9}\n\u{1F600}", true),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(isPrintableAsBlockString(value), expected, value)
        }
    }

    // MARK: - Built ASTs

    /// ASTs built in code (no source) print too; an empty selection set prints as `{}`
    /// as graphql-core prints it.
    func testBuiltAST() {
        let loc = Location(start: 0, end: 0)
        func name(_ s: String) -> Name { Name(value: s, loc: loc) }
        let field = Field(
            alias: nil, name: name("f"),
            arguments: [Argument(name: name("x"), value: .list([.int("1", loc), .string("a\nb", block: false, loc)], loc), loc: loc)],
            directives: [], selectionSet: SelectionSet(selections: [], loc: loc), loc: loc)
        let operation = OperationDefinition(
            operation: .subscription, name: name("S"), variableDefinitions: [], directives: [],
            selectionSet: SelectionSet(selections: [.field(field)], loc: loc), loc: loc)
        let document = Document(definitions: [.operation(operation)], loc: loc, source: nil)
        XCTAssertEqual(printDocument(document), "subscription S {\n  f(x: [1, \"a\\nb\"]) {}\n}")
        XCTAssertEqual(printType(.nonNull(.list(.named(NamedTypeNode(name: name("ID"))), loc), loc)), "[ID]!")
    }

    // MARK: - Found by fuzzing

    /// FuzzGraphQL (Fuzzing/corpus/graphql/regression-shorthand-after-type.graphql): an
    /// anonymous query after a type-system definition prints with `query`, since the short form
    /// would reparse as that definition's body; the printed text parses to the same definitions.
    func testShortFormQueryAfterTypeSystemDefinitionKeepsItsKeyword() throws {
        let text = "type Q\nquery { me { id } }\nextend schema @d\nquery { a }\nfragment F on Q { a }\n{ b }"
        let printed = printDocument(try parseDocument(Source(text)))
        XCTAssertEqual(
            printed,
            "type Q\n\nquery {\n  me {\n    id\n  }\n}\n\nextend schema @d\n\nquery {\n  a\n}\n\n"
                + "fragment F on Q {\n  a\n}\n\n{\n  b\n}")
        let reparsed = try parseDocument(Source(printed))
        XCTAssertEqual(reparsed.definitions.count, 6)
        XCTAssertEqual(printDocument(reparsed), printed)
        // Alone, or after executable definitions, the short form stays (as graphql-core prints it).
        XCTAssertEqual(printDocument(try parseDocument(Source("{ a }"))), "{\n  a\n}")
    }

    /// Found by `make fuzz-smoke` (FuzzGraphQL): a block string holding `\"""` right before a
    /// non-ASCII character (and control characters) printed as something that did not parse.
    func testBlockStringWithEscapedTripleQuoteBeforeNonASCIIRoundTrips() throws {
        let bytes: [UInt8] = [109, 117, 116, 97, 116, 105, 111, 110, 32, 123, 32, 112, 111, 115, 116, 77, 101, 40, 99, 104, 97, 116, 73, 100, 58, 32, 34, 99, 34, 44, 32, 99, 111, 110, 116, 101, 110, 116, 58, 32, 34, 34, 34, 10, 32, 32, 32, 32, 33, 109, 117, 108, 116, 105, 45, 108, 105, 110, 101, 32, 92, 37, 34, 34, 32, 99, 111, 110, 116, 101, 110, 116, 10, 32, 32, 32, 0, 32, 32, 105, 110, 100, 101, 101, 100, 35, 105, 35, 105, 109, 112, 10, 0, 0, 0, 0, 0, 0, 0, 73, 32, 38, 32, 74, 32, 64, 107, 101, 121, 40, 102, 58, 32, 34, 120, 34, 41, 32, 123, 32, 97, 40, 120, 105, 110, 99, 108, 117, 100, 101, 100, 101, 108, 116, 105, 45, 108, 105, 110, 101, 32, 92, 34, 34, 34, 219, 156, 111, 110, 116, 101, 110, 116, 10, 32, 32, 32, 32, 32, 32, 105, 110, 100, 101, 110, 116, 101, 100, 10, 32, 32, 34, 34, 34, 41, 32, 123, 32, 105, 100, 32, 125, 32, 125];
        let document = try parseDocument(Source(bytes: bytes))
        let printed = printDocument(document)
        let reparsed = try parseDocument(Source(printed))
        XCTAssertEqual(printDocument(reparsed), printed)
    }
}
