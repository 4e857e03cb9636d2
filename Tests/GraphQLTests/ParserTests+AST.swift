import Foundation
import XCTest
@testable import GraphQL

/// AST shape: each document is dumped in a canonical form (node kind, byte range, children)
/// and compared with the same dump of graphql-core 3.3.2's AST for the same (ASCII) input,
/// so node kinds, fields, values and locations all have to agree.
extension ParserTests {
    func testASTMatchesGraphQLCore() throws {
        let cases: [(String, String)] = [
        ("{ a }",
         "Document@0-5[Op@0-5(query,-,-,[],[],SS@0-5[Field@2-3(-,a@2-3,[],[],-)])]"),
        ("{}",
         "Document@0-2[Op@0-2(query,-,-,[],[],SS@0-2[])]"),
        ("query { a { } }",
         "Document@0-15[Op@0-15(query,-,-,[],[],SS@6-15[Field@8-13(-,a@8-9,[],[],SS@10-13[])])]"),
        ("subscription OnMessage($chatId: ID!) { newMessage(chatId: $chatId) { id chatId content senderName createdAt } }",
         "Document@0-111[Op@0-111(subscription,OnMessage@13-22,-,[VarDef@23-35(-,$chatId@24-30@23-30,NonNull(Named(ID@32-34)@32-34)@32-35,-,[])],[],SS@37-111[Field@39-109(-,newMessage@39-49,[Arg@50-65(chatId@50-56,$chatId@59-65@58-65)],[],SS@67-109[Field@69-71(-,id@69-71,[],[],-),Field@72-78(-,chatId@72-78,[],[],-),Field@79-86(-,content@79-86,[],[],-),Field@87-97(-,senderName@87-97,[],[],-),Field@98-107(-,createdAt@98-107,[],[],-)])])]"),
        ("query Q($a: Int = 1, $b: [String!]! = [\"x\"] @d(k: 1), $c: In = {a: [1, 2.5e3], b: null, c: ENUM, d: true, e: false}) @op(x: $a) { alias: field(arg: $b, other: \"s\") @skip(if: $c) { nested } }",
         "Document@0-190[Op@0-190(query,Q@6-7,-,[VarDef@8-19(-,$a@9-10@8-10,Named(Int@12-15)@12-15,Int(1)@18-19,[]),VarDef@21-52(-,$b@22-23@21-23,NonNull(ListT(NonNull(Named(String@26-32)@26-32)@26-33)@25-34)@25-35,List@38-43[String(\"x\",false)@39-42],[Dir@44-52(d@45-46,[Arg@47-51(k@47-48,Int(1)@50-51)])]),VarDef@54-115(-,$c@55-56@54-56,Named(In@58-60)@58-60,Object@63-115[OF@64-77(a@64-65,List@67-77[Int(1)@68-69,Float(2.5e3)@71-76]),OF@79-86(b@79-80,Null@82-86),OF@88-95(c@88-89,Enum(ENUM)@91-95),OF@97-104(d@97-98,Bool(true)@100-104),OF@106-114(e@106-107,Bool(false)@109-114)],[])],[Dir@117-127(op@118-120,[Arg@121-126(x@121-122,$a@125-126@124-126)])],SS@128-190[Field@130-188(alias@130-135,field@137-142,[Arg@143-150(arg@143-146,$b@149-150@148-150),Arg@152-162(other@152-157,String(\"s\",false)@159-162)],[Dir@164-177(skip@165-169,[Arg@170-176(if@170-172,$c@175-176@174-176)])],SS@178-188[Field@180-186(-,nested@180-186,[],[],-)])])]"),
        ("mutation { send(input: {text: \"\"\"  block\n   string \"\"\", list: [], obj: {}}) { id } }",
         "Document@0-84[Op@0-84(mutation,-,-,[],[],SS@9-84[Field@11-82(-,send@11-15,[Arg@16-74(input@16-21,Object@23-74[OF@24-54(text@24-28,String(\"  block\\nstring \",true)@30-54),OF@56-64(list@56-60,List@62-64[]),OF@66-73(obj@66-69,Object@71-73[])])],[],SS@76-82[Field@78-80(-,id@78-80,[],[],-)])])]"),
        ("query { ... on User { name } ... @include(if: true) { id } ...Frag @d ... { x } }",
         "Document@0-81[Op@0-81(query,-,-,[],[],SS@6-81[Inline@8-28(Named(User@15-19)@15-19,[],SS@20-28[Field@22-26(-,name@22-26,[],[],-)]),Inline@29-58(-,[Dir@33-51(include@34-41,[Arg@42-50(if@42-44,Bool(true)@46-50)])],SS@52-58[Field@54-56(-,id@54-56,[],[],-)]),Spread@59-69(Frag@62-66,[Dir@67-69(d@68-69,[])]),Inline@70-79(-,[],SS@74-79[Field@76-77(-,x@76-77,[],[],-)])])]"),
        ("fragment Frag on User @dir { id ...Other }",
         "Document@0-42[Frag@0-42(-,Frag@9-13,Named(User@17-21)@17-21,[Dir@22-26(dir@23-26,[])],SS@27-42[Field@29-31(-,id@29-31,[],[],-),Spread@32-40(Other@35-40,[])])]"),
        ("\"op desc\" query Q(\"var desc\" $v: Int) { a }",
         "Document@0-43[Op@0-43(query,Q@16-17,Desc(\"op desc\",false)@0-9,[VarDef@18-36(Desc(\"var desc\",false)@18-28,$v@30-31@29-31,Named(Int@33-36)@33-36,-,[])],[],SS@38-43[Field@40-41(-,a@40-41,[],[],-)])]"),
        ("\"\"\"frag desc\"\"\" fragment F on T { a }",
         "Document@0-37[Frag@0-37(Desc(\"frag desc\",true)@0-15,F@25-26,Named(T@30-31)@30-31,[],SS@32-37[Field@34-35(-,a@34-35,[],[],-)])]"),
        ("{ a(x: -0, y: -1.5, z: 0.0e-0, w: \"\\u00e9\\n\", v: $var, u: [[1], [2, [3]]], t: {a: {b: {c: 1}}}) }",
         "Document@0-97[Op@0-97(query,-,-,[],[],SS@0-97[Field@2-95(-,a@2-3,[Arg@4-9(x@4-5,Int(-0)@7-9),Arg@11-18(y@11-12,Float(-1.5)@14-18),Arg@20-29(z@20-21,Float(0.0e-0)@23-29),Arg@31-44(w@31-32,String(\"\\u00e9\\n\",false)@34-44),Arg@46-53(v@46-47,$var@50-53@49-53),Arg@55-73(u@55-56,List@58-73[List@59-62[Int(1)@60-61],List@64-72[Int(2)@65-66,List@68-71[Int(3)@69-70]]]),Arg@75-94(t@75-76,Object@78-94[OF@79-93(a@79-80,Object@82-93[OF@83-92(b@83-84,Object@86-92[OF@87-91(c@87-88,Int(1)@90-91)])])])],[],-)])]"),
        ("{ on: on(on: on) fragment query }",
         "Document@0-33[Op@0-33(query,-,-,[],[],SS@0-33[Field@2-16(on@2-4,on@6-8,[Arg@9-15(on@9-11,Enum(on)@13-15)],[],-),Field@17-25(-,fragment@17-25,[],[],-),Field@26-31(-,query@26-31,[],[],-)])]"),
        ("query Q { a } mutation M { b } subscription S { c } fragment F on T { d } { e }",
         "Document@0-79[Op@0-13(query,Q@6-7,-,[],[],SS@8-13[Field@10-11(-,a@10-11,[],[],-)]),Op@14-30(mutation,M@23-24,-,[],[],SS@25-30[Field@27-28(-,b@27-28,[],[],-)]),Op@31-51(subscription,S@44-45,-,[],[],SS@46-51[Field@48-49(-,c@48-49,[],[],-)]),Frag@52-73(-,F@61-62,Named(T@66-67)@66-67,[],SS@68-73[Field@70-71(-,d@70-71,[],[],-)]),Op@74-79(query,-,-,[],[],SS@74-79[Field@76-77(-,e@76-77,[],[],-)])]"),
        ("  # comment\n{\n  a, b,, c\n}\n",
         "Document@0-27[Op@12-26(query,-,-,[],[],SS@12-26[Field@16-17(-,a@16-17,[],[],-),Field@19-20(-,b@19-20,[],[],-),Field@23-24(-,c@23-24,[],[],-)])]"),
        ("schema @d { query: Q mutation: M subscription: S }",
         "Document@0-50[Schema@0-50(-,[Dir@7-9(d@8-9,[])],[OpType@12-20(query,Named(Q@19-20)@19-20),OpType@21-32(mutation,Named(M@31-32)@31-32),OpType@33-48(subscription,Named(S@47-48)@47-48)])]"),
        ("\"\"\"schema desc\"\"\" schema { query: Q }",
         "Document@0-37[Schema@0-37(Desc(\"schema desc\",true)@0-17,[],[OpType@27-35(query,Named(Q@34-35)@34-35)])]"),
        ("\"desc\" scalar Date @specifiedBy(url: \"https://x\")",
         "Document@0-49[Scalar@0-49(Desc(\"desc\",false)@0-6,Date@14-18,[Dir@19-49(specifiedBy@20-31,[Arg@32-48(url@32-35,String(\"https://x\",false)@37-48)])])]"),
        ("type T implements & A & B @d { \"field desc\" f(a: Int = 1 @x, \"arg desc\" b: [T!]!): [String!]! @deprecated(reason: \"no\") g: Int }",
         "Document@0-128[Object@0-128(-,T@5-6,[Named(A@20-21)@20-21,Named(B@24-25)@24-25],[Dir@26-28(d@27-28,[])],[FieldDef@31-119(Desc(\"field desc\",false)@31-43,f@44-45,[InputValue@46-59(-,a@46-47,Named(Int@49-52)@49-52,Int(1)@55-56,[Dir@57-59(x@58-59,[])]),InputValue@61-80(Desc(\"arg desc\",false)@61-71,b@72-73,NonNull(ListT(NonNull(Named(T@76-77)@76-77)@76-78)@75-79)@75-80,-,[])],NonNull(ListT(NonNull(Named(String@84-90)@84-90)@84-91)@83-92)@83-93,[Dir@94-119(deprecated@95-105,[Arg@106-118(reason@106-112,String(\"no\",false)@114-118)])]),FieldDef@120-126(-,g@120-121,[],Named(Int@123-126)@123-126,[])])]"),
        ("type T implements A",
         "Document@0-19[Object@0-19(-,T@5-6,[Named(A@18-19)@18-19],[],[])]"),
        ("interface I implements J & K @d { f: Int }",
         "Document@0-42[Interface@0-42(-,I@10-11,[Named(J@23-24)@23-24,Named(K@27-28)@27-28],[Dir@29-31(d@30-31,[])],[FieldDef@34-40(-,f@34-35,[],Named(Int@37-40)@37-40,[])])]"),
        ("interface I",
         "Document@0-11[Interface@0-11(-,I@10-11,[],[],[])]"),
        ("union U = | A | B",
         "Document@0-17[Union@0-17(-,U@6-7,[],[Named(A@12-13)@12-13,Named(B@16-17)@16-17])]"),
        ("union U @d = A",
         "Document@0-14[Union@0-14(-,U@6-7,[Dir@8-10(d@9-10,[])],[Named(A@13-14)@13-14])]"),
        ("union U",
         "Document@0-7[Union@0-7(-,U@6-7,[],[])]"),
        ("enum E @d { \"d\" A @x B, C }",
         "Document@0-27[Enum@0-27(-,E@5-6,[Dir@7-9(d@8-9,[])],[EnumValue@12-20(Desc(\"d\",false)@12-15,A@16-17,[Dir@18-20(x@19-20,[])]),EnumValue@21-22(-,B@21-22,[]),EnumValue@24-25(-,C@24-25,[])])]"),
        ("enum E",
         "Document@0-6[Enum@0-6(-,E@5-6,[],[])]"),
        ("input I @d { a: Int = 1 @x, \"d\" b: [I!] }",
         "Document@0-41[Input@0-41(-,I@6-7,[Dir@8-10(d@9-10,[])],[InputValue@13-26(-,a@13-14,Named(Int@16-19)@16-19,Int(1)@22-23,[Dir@24-26(x@25-26,[])]),InputValue@28-39(Desc(\"d\",false)@28-31,b@32-33,ListT(NonNull(Named(I@36-37)@36-37)@36-38)@35-39,-,[])])]"),
        ("\"d\" directive @d(a: Int = 1) repeatable on FIELD | QUERY",
         "Document@0-56[DirectiveDef@0-56(Desc(\"d\",false)@0-3,d@15-16,[InputValue@17-27(-,a@17-18,Named(Int@20-23)@20-23,Int(1)@26-27,[])],[],true,[FIELD@43-48,QUERY@51-56])]"),
        ("directive @d on | FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE | SCHEMA | SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | FRAGMENT_DEFINITION | FRAGMENT_SPREAD | INLINE_FRAGMENT | VARIABLE_DEFINITION | MUTATION | SUBSCRIPTION | FRAGMENT_VARIABLE_DEFINITION | DIRECTIVE_DEFINITION",
         "Document@0-323[DirectiveDef@0-323(-,d@11-12,[],[],false,[FIELD_DEFINITION@18-34,ARGUMENT_DEFINITION@37-56,INPUT_FIELD_DEFINITION@59-81,ENUM_VALUE@84-94,SCHEMA@97-103,SCALAR@106-112,OBJECT@115-121,INTERFACE@124-133,UNION@136-141,ENUM@144-148,INPUT_OBJECT@151-163,FRAGMENT_DEFINITION@166-185,FRAGMENT_SPREAD@188-203,INLINE_FRAGMENT@206-221,VARIABLE_DEFINITION@224-243,MUTATION@246-254,SUBSCRIPTION@257-269,FRAGMENT_VARIABLE_DEFINITION@272-300,DIRECTIVE_DEFINITION@303-323])]"),
        ("directive @d @meta(x: 1) on FIELD",
         "Document@0-33[DirectiveDef@0-33(-,d@11-12,[],[Dir@13-24(meta@14-18,[Arg@19-23(x@19-20,Int(1)@22-23)])],false,[FIELD@28-33])]"),
        ("extend schema @d",
         "Document@0-16[ExtendSchema@0-16(-,[Dir@14-16(d@15-16,[])],[])]"),
        ("extend schema { subscription: S }",
         "Document@0-33[ExtendSchema@0-33(-,[],[OpType@16-31(subscription,Named(S@30-31)@30-31)])]"),
        ("extend scalar S @d",
         "Document@0-18[ExtendScalar@0-18(-,S@14-15,[Dir@16-18(d@17-18,[])])]"),
        ("extend type T implements A",
         "Document@0-26[ExtendObject@0-26(-,T@12-13,[Named(A@25-26)@25-26],[],[])]"),
        ("extend type T @d",
         "Document@0-16[ExtendObject@0-16(-,T@12-13,[],[Dir@14-16(d@15-16,[])],[])]"),
        ("extend type T { f: Int }",
         "Document@0-24[ExtendObject@0-24(-,T@12-13,[],[],[FieldDef@16-22(-,f@16-17,[],Named(Int@19-22)@19-22,[])])]"),
        ("extend interface I implements J",
         "Document@0-31[ExtendInterface@0-31(-,I@17-18,[Named(J@30-31)@30-31],[],[])]"),
        ("extend interface I @d { f: Int }",
         "Document@0-32[ExtendInterface@0-32(-,I@17-18,[],[Dir@19-21(d@20-21,[])],[FieldDef@24-30(-,f@24-25,[],Named(Int@27-30)@27-30,[])])]"),
        ("extend union U = A | B",
         "Document@0-22[ExtendUnion@0-22(-,U@13-14,[],[Named(A@17-18)@17-18,Named(B@21-22)@21-22])]"),
        ("extend union U @d",
         "Document@0-17[ExtendUnion@0-17(-,U@13-14,[Dir@15-17(d@16-17,[])],[])]"),
        ("extend enum E { A }",
         "Document@0-19[ExtendEnum@0-19(-,E@12-13,[],[EnumValue@16-17(-,A@16-17,[])])]"),
        ("extend enum E @d",
         "Document@0-16[ExtendEnum@0-16(-,E@12-13,[Dir@14-16(d@15-16,[])],[])]"),
        ("extend input I { a: Int }",
         "Document@0-25[ExtendInput@0-25(-,I@13-14,[],[InputValue@17-23(-,a@17-18,Named(Int@20-23)@20-23,-,[])])]"),
        ("extend input I @d",
         "Document@0-17[ExtendInput@0-17(-,I@13-14,[Dir@15-17(d@16-17,[])],[])]"),
        ("extend directive @d @meta",
         "Document@0-25[ExtendDirective@0-25(d@18-19,[Dir@20-25(meta@21-25,[])])]"),
        ("type Query { a: Int } extend type Query { b: Int } type Subscription { c(x: [[Int!]!]): [[Int]] }",
         "Document@0-97[Object@0-21(-,Query@5-10,[],[],[FieldDef@13-19(-,a@13-14,[],Named(Int@16-19)@16-19,[])]),ExtendObject@22-50(-,Query@34-39,[],[],[FieldDef@42-48(-,b@42-43,[],Named(Int@45-48)@45-48,[])]),Object@51-97(-,Subscription@56-68,[],[],[FieldDef@71-95(-,c@71-72,[InputValue@73-85(-,x@73-74,ListT(NonNull(ListT(NonNull(Named(Int@78-81)@78-81)@78-82)@77-83)@77-84)@76-85,-,[])],ListT(ListT(Named(Int@90-93)@90-93)@89-94)@88-95,[])])]"),
        ]
        for (input, expected) in cases {
            let document = try parseDocument(Source(input))
            XCTAssertEqual(ASTDump.document(document), expected, "input: \(input.debugDescription)")
        }
    }

    func testParseValueAndType() throws {
        XCTAssertEqual(
            ASTDump.value(try parseValue(Source("[1, $v, {a: \"s\"}]"))),
            "List@0-17[Int(1)@1-2,$v@5-6@4-6,Object@8-16[OF@9-15(a@9-10,String(\"s\",false)@12-15)]]")
        XCTAssertEqual(ASTDump.value(try parseConstValue(Source("{a: [null]}"))), "Object@0-11[OF@1-10(a@1-2,List@4-10[Null@5-9])]")
        XCTAssertEqual(
            ASTDump.type(try parseType(Source("[[Int!]]!"))),
            "NonNull(ListT(ListT(NonNull(Named(Int@2-5)@2-5)@2-6)@1-7)@0-8)@0-9")
    }

    /// The project's own schema parses to the same AST as graphql-core's.
    func testChatSchemaMatchesGraphQLCore() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Schema/chat.graphql")
        let document = try parseDocument(Source(String(decoding: try Data(contentsOf: url), as: UTF8.self)))
        XCTAssertEqual(
            ASTDump.document(document),
            "Document@0-687[Object@0-90(-,Query@5-10,[],[],[FieldDef@15-77(-,messages@15-23,[InputValue@24-35(-,chatId@24-30,NonNull(Named(ID@32-34)@32-34)@32-35,-,[]),InputValue@37-51(-,last@37-41,Named(Int@43-46)@43-46,Int(50)@49-51,[]),InputValue@53-63(-,before@53-59,Named(ID@61-63)@61-63,-,[])],NonNull(ListT(NonNull(Named(Message@67-74)@67-74)@67-75)@66-76)@66-77,[]),FieldDef@80-88(-,me@80-82,[],Named(User@84-88)@84-88,[])]),Object@92-261(-,Mutation@97-105,[],[],[FieldDef@110-182(-,postMessage@110-121,[InputValue@122-133(-,chatId@122-128,NonNull(Named(ID@130-132)@130-132)@130-133,-,[]),InputValue@135-151(-,content@135-142,NonNull(Named(String@144-150)@144-150)@144-151,-,[]),InputValue@153-171(-,senderName@153-163,Named(String@165-171)@165-171,-,[])],NonNull(Named(Message@174-181)@174-181)@174-182,[]),FieldDef@185-259(-,notifyUser@185-195,[InputValue@196-207(-,userId@196-202,NonNull(Named(ID@204-206)@204-206)@204-207,-,[]),InputValue@209-225(-,message@209-216,NonNull(Named(String@218-224)@218-224)@218-225,-,[]),InputValue@227-243(-,callback@227-235,Named(String@237-243)@237-243,-,[])],NonNull(Named(Notification@246-258)@246-258)@246-259,[])]),Object@263-373(-,Subscription@268-280,[],[],[FieldDef@285-329(-,newMessage@285-295,[InputValue@296-307(-,chatId@296-302,NonNull(Named(ID@304-306)@304-306)@304-307,-,[]),InputValue@309-318(-,after@309-314,Named(ID@316-318)@316-318,-,[])],NonNull(Named(Message@321-328)@321-328)@321-329,[]),FieldDef@332-371(-,notifications@332-345,[InputValue@346-355(-,after@346-351,Named(ID@353-355)@353-355,-,[])],NonNull(Named(Notification@358-370)@358-370)@358-371,[])]),Object@375-477(-,Message@380-387,[],[],[FieldDef@392-399(-,id@392-394,[],NonNull(Named(ID@396-398)@396-398)@396-399,[]),FieldDef@402-413(-,chatId@402-408,[],NonNull(Named(ID@410-412)@410-412)@410-413,[]),FieldDef@416-432(-,content@416-423,[],NonNull(Named(String@425-431)@425-431)@425-432,[]),FieldDef@435-454(-,senderName@435-445,[],NonNull(Named(String@447-453)@447-453)@447-454,[]),FieldDef@457-475(-,createdAt@457-466,[],NonNull(Named(String@468-474)@468-474)@468-475,[])]),Object@479-595(-,Notification@484-496,[],[],[FieldDef@501-508(-,id@501-503,[],NonNull(Named(ID@505-507)@505-507)@505-508,[]),FieldDef@511-527(-,message@511-518,[],NonNull(Named(String@520-526)@520-526)@520-527,[]),FieldDef@530-546(-,callback@530-538,[],Named(String@540-546)@540-546,[]),FieldDef@549-572(-,kind@549-553,[],NonNull(Named(NotificationKind@555-571)@555-571)@555-572,[]),FieldDef@575-593(-,createdAt@575-584,[],NonNull(Named(String@586-592)@586-592)@586-593,[])]),Enum@597-646(-,NotificationKind@602-618,[],[EnumValue@623-633(-,ACTIONABLE@623-633,[]),EnumValue@636-644(-,FEEDBACK@636-644,[])]),Object@648-686(-,User@653-657,[],[],[FieldDef@662-669(-,id@662-664,[],NonNull(Named(ID@666-668)@666-668)@666-669,[]),FieldDef@672-684(-,name@672-676,[],Named(String@678-684)@678-684,[])])]")
    }

    /// The document keeps its source, for error locations later.
    func testDocumentKeepsSource() throws {
        let source = Source("{ a }", name: "doc.graphql")
        let document = try parseDocument(source)
        XCTAssertTrue(document.source === source)
        XCTAssertEqual(document.operations.count, 1)
        XCTAssertEqual(document.fragments.count, 0)
    }
}

/// The canonical dump that /tmp/parsergen/dump.py produces from graphql-core's AST.
enum ASTDump {
    static func at(_ l: Location) -> String { "@\(l.start)-\(l.end)" }
    static func name(_ n: Name?) -> String { n.map { "\($0.value)\(at($0.loc))" } ?? "-" }
    static func list<T>(_ xs: [T], _ f: (T) -> String) -> String { "[" + xs.map(f).joined(separator: ",") + "]" }
    static func desc(_ d: StringDescription?) -> String {
        d.map { "Desc(\(json($0.value)),\($0.block))\(at($0.loc))" } ?? "-"
    }

    /// Python's `json.dumps` with `ensure_ascii`.
    static func json(_ s: String) -> String {
        var out = "\""
        for unit in s.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20...0x7E: out += String(UnicodeScalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }

    static func document(_ d: Document) -> String { "Document\(at(d.loc))" + list(d.definitions, definition) }

    static func definition(_ d: Definition) -> String {
        switch d {
        case .operation(let o):
            return "Op\(at(o.loc))(\(o.operation.rawValue),\(name(o.name)),\(desc(o.description)),"
                + "\(list(o.variableDefinitions, variableDefinition)),\(list(o.directives, directive)),\(selectionSet(o.selectionSet)))"
        case .fragment(let f):
            return "Frag\(at(f.loc))(\(desc(f.description)),\(name(f.name)),\(namedType(f.typeCondition)),"
                + "\(list(f.directives, directive)),\(selectionSet(f.selectionSet)))"
        case .schema(let s): return schema("Schema", s)
        case .schemaExtension(let s): return schema("ExtendSchema", s)
        case .scalarType(let s): return scalar("Scalar", s)
        case .scalarTypeExtension(let s): return scalar("ExtendScalar", s)
        case .objectType(let o): return fielded("Object", o)
        case .objectTypeExtension(let o): return fielded("ExtendObject", o)
        case .interfaceType(let o): return fielded("Interface", o)
        case .interfaceTypeExtension(let o): return fielded("ExtendInterface", o)
        case .unionType(let u): return union("Union", u)
        case .unionTypeExtension(let u): return union("ExtendUnion", u)
        case .enumType(let e): return enumType("Enum", e)
        case .enumTypeExtension(let e): return enumType("ExtendEnum", e)
        case .inputObjectType(let i): return input("Input", i)
        case .inputObjectTypeExtension(let i): return input("ExtendInput", i)
        case .directive(let d):
            return "DirectiveDef\(at(d.loc))(\(desc(d.description)),\(name(d.name)),\(list(d.arguments, inputValue)),"
                + "\(list(d.directives, directive)),\(d.repeatable),\(list(d.locations, name)))"
        case .directiveExtension(let d):
            return "ExtendDirective\(at(d.loc))(\(name(d.name)),\(list(d.directives, directive)))"
        }
    }

    static func schema(_ tag: String, _ s: SchemaDefinition) -> String {
        "\(tag)\(at(s.loc))(\(desc(s.description)),\(list(s.directives, directive)),"
            + list(s.operationTypes) { "OpType\(at($0.loc))(\($0.operation.rawValue),\(namedType($0.type)))" } + ")"
    }

    static func scalar(_ tag: String, _ s: ScalarTypeDefinition) -> String {
        "\(tag)\(at(s.loc))(\(desc(s.description)),\(name(s.name)),\(list(s.directives, directive)))"
    }

    static func fielded(_ tag: String, _ o: ObjectTypeDefinition) -> String {
        "\(tag)\(at(o.loc))(\(desc(o.description)),\(name(o.name)),\(list(o.interfaces, namedType)),"
            + "\(list(o.directives, directive)),"
            + list(o.fields) {
                "FieldDef\(at($0.loc))(\(desc($0.description)),\(name($0.name)),\(list($0.arguments, inputValue)),"
                    + "\(type($0.type)),\(list($0.directives, directive)))"
            } + ")"
    }

    static func inputValue(_ v: InputValueDefinition) -> String {
        "InputValue\(at(v.loc))(\(desc(v.description)),\(name(v.name)),\(type(v.type)),"
            + "\(v.defaultValue.map(value) ?? "-"),\(list(v.directives, directive)))"
    }

    static func union(_ tag: String, _ u: UnionTypeDefinition) -> String {
        "\(tag)\(at(u.loc))(\(desc(u.description)),\(name(u.name)),\(list(u.directives, directive)),\(list(u.types, namedType)))"
    }

    static func enumType(_ tag: String, _ e: EnumTypeDefinition) -> String {
        "\(tag)\(at(e.loc))(\(desc(e.description)),\(name(e.name)),\(list(e.directives, directive)),"
            + list(e.values) { "EnumValue\(at($0.loc))(\(desc($0.description)),\(name($0.name)),\(list($0.directives, directive)))" }
            + ")"
    }

    static func input(_ tag: String, _ i: InputObjectTypeDefinition) -> String {
        "\(tag)\(at(i.loc))(\(desc(i.description)),\(name(i.name)),\(list(i.directives, directive)),\(list(i.fields, inputValue)))"
    }

    static func variableDefinition(_ v: VariableDefinition) -> String {
        "VarDef\(at(v.loc))(\(desc(v.description)),\(variable(v.variable)),\(type(v.type)),"
            + "\(v.defaultValue.map(value) ?? "-"),\(list(v.directives, directive)))"
    }

    static func variable(_ v: Variable) -> String { "$\(name(v.name))\(at(v.loc))" }

    static func selectionSet(_ s: SelectionSet) -> String { "SS\(at(s.loc))" + list(s.selections, selection) }

    static func selection(_ s: Selection) -> String {
        switch s {
        case .field(let f):
            return "Field\(at(f.loc))(\(name(f.alias)),\(name(f.name)),\(list(f.arguments, argument)),"
                + "\(list(f.directives, directive)),\(f.selectionSet.map(selectionSet) ?? "-"))"
        case .fragmentSpread(let f):
            return "Spread\(at(f.loc))(\(name(f.name)),\(list(f.directives, directive)))"
        case .inlineFragment(let f):
            return "Inline\(at(f.loc))(\(f.typeCondition.map(namedType) ?? "-"),\(list(f.directives, directive)),"
                + "\(selectionSet(f.selectionSet)))"
        }
    }

    static func argument(_ a: Argument) -> String { "Arg\(at(a.loc))(\(name(a.name)),\(value(a.value)))" }

    static func directive(_ d: Directive) -> String {
        "Dir\(at(d.loc))(\(name(d.name)),\(list(d.arguments, argument)))"
    }

    static func value(_ v: Value) -> String {
        switch v {
        case .variable(let x): return variable(x)
        case .int(let t, let l): return "Int(\(t))\(at(l))"
        case .float(let t, let l): return "Float(\(t))\(at(l))"
        case .string(let s, let block, let l): return "String(\(json(s)),\(block))\(at(l))"
        case .boolean(let b, let l): return "Bool(\(b))\(at(l))"
        case .null(let l): return "Null\(at(l))"
        case .enumValue(let e, let l): return "Enum(\(e))\(at(l))"
        case .list(let vs, let l): return "List\(at(l))" + list(vs, value)
        case .object(let fs, let l):
            return "Object\(at(l))" + list(fs) { "OF\(at($0.loc))(\(name($0.name)),\(value($0.value)))" }
        }
    }

    static func namedType(_ n: NamedTypeNode) -> String { "Named(\(name(n.name)))\(at(n.loc))" }

    static func type(_ t: TypeNode) -> String {
        switch t {
        case .named(let n): return namedType(n)
        case .list(let inner, let l): return "ListT(\(type(inner)))\(at(l))"
        case .nonNull(let inner, let l): return "NonNull(\(type(inner)))\(at(l))"
        }
    }
}
