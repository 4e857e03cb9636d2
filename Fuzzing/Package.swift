// swift-tools-version:6.0
// libFuzzer targets for Switchboard. A package of its own so that the normal build never sees
// them: they only link with `-sanitize=fuzzer`, which brings in the fuzzer runtime. Each
// target's main.swift hands its `LLVMFuzzerTestOneInput` to libFuzzer's driver. Build and run
// them with `make fuzz` (see the Makefile for the flags).
import Foundation
import PackageDescription

// A path dependency's identity is the last component of its path: the name of the checkout's
// directory, which differs between clones (`switchboard`, a worktree's name, …).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let main = root.lastPathComponent

let package = Package(
    name: "SwitchboardFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // What the three targets share: splitting one input into parts, failing loudly.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        // The declaration of libFuzzer's LLVMFuzzerRunDriver.
        .target(name: "CLibFuzzer"),
        // The GraphQL lexer, parser and printer, validation against the chat schema, execution.
        .executableTarget(
            name: "FuzzGraphQL",
            dependencies: [
                "FuzzSupport",
                .product(name: "GraphQL", package: main),
                .product(name: "Switchboard", package: main),
                .product(name: "Chat", package: main),
            ]
        ),
        // graphql-transport-ws: MessageDecoder.decode and the per-connection state machine.
        .executableTarget(
            name: "FuzzTransportWS",
            dependencies: [
                "FuzzSupport",
                .product(name: "GraphQL", package: main),
                .product(name: "GraphQLTransportWS", package: main),
            ]
        ),
        // GraphQL over HTTP: request parsing, content negotiation, prepare and execute.
        .executableTarget(
            name: "FuzzHTTP",
            dependencies: [
                "FuzzSupport",
                .product(name: "GraphQL", package: main),
                .product(name: "Switchboard", package: main),
                .product(name: "Chat", package: main),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
