import Foundation

// Build-time tool of the EmbedChatPage plugin: turns a text file into a Swift source file that
// holds its contents as one string literal, so the binary carries the file and finds it from any
// working directory (no resource bundle to install beside it).
//
// Usage: EmbedText INPUT OUTPUT TYPE_NAME
// Writes `enum TYPE_NAME { static let text: String = "…" }` (internal to the target).

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: EmbedText INPUT OUTPUT TYPE_NAME\n".utf8))
    exit(2)
}
let (input, output, typeName) = (arguments[1], arguments[2], arguments[3])

let text: String
do {
    text = try String(contentsOfFile: input, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("\(input): error: cannot read it as UTF-8: \(error)\n".utf8))
    exit(1)
}

/// A Swift string literal for `text`. Every character that could end or alter the literal is
/// escaped; newlines become `\n` so the literal is one line whatever the file holds.
func swiftLiteral(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

let source = """
// Generated at build time by EmbedText from \((input as NSString).lastPathComponent); edit that file, not this one.

enum \(typeName) {
    static let text: String = \(swiftLiteral(text))
}

"""

do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("\(output): error: cannot write it: \(error)\n".utf8))
    exit(1)
}
