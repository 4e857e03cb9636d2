// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GraphQL", targets: ["GraphQL"]),
        .library(name: "Switchboard", targets: ["Switchboard"]),
        // For the fuzz targets in Fuzzing/, a separate package that depends on this one by path.
        .library(name: "GraphQLTransportWS", targets: ["GraphQLTransportWS"]),
        .library(name: "Chat", targets: ["Chat"]),
        .executable(name: "switchboard", targets: ["switchboard"]),
        .executable(name: "TransportEcho", targets: ["TransportEcho"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries. Each is a module map plus a shim header; `make` installs the
        // Debian packages named in `providers` when they are missing.
        .systemLibrary(
            name: "CLibWebSockets",
            pkgConfig: "libwebsockets",
            providers: [.apt(["libwebsockets-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // The hand-written GraphQL engine: Foundation only.
        .target(name: "GraphQL"),

        // The graphql-transport-ws protocol: messages, close codes and a pure
        // per-connection state machine. No sockets, no threads.
        .target(name: "GraphQLTransportWS", dependencies: ["GraphQL"]),

        // The server: store, (later) transport, fan-out, HTTP.
        .target(name: "Switchboard", dependencies: ["GraphQL", "GraphQLTransportWS", "CSQLite", "CLibWebSockets"]),

        // The chat application: resolvers for Schema/chat.graphql and its topic mapping.
        .target(name: "Chat", dependencies: ["Switchboard", "GraphQL"]),

        .executableTarget(
            name: "switchboard",
            dependencies: [
                "GraphQL",
                "Switchboard",
                "Chat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test executable: the transport alone with an echo handler (Tests/test_transport.py).
        .executableTarget(name: "TransportEcho", dependencies: ["Switchboard"]),
        .executableTarget(
            name: "SwitchboardBench",
            // CSQLite: the store scenarios' baselines call SQLite's C API directly.
            dependencies: ["GraphQL", "GraphQLTransportWS", "Switchboard", "CSQLite"]
        ),

        // Benchmark tools in C: a bare libwebsockets server that acks, records subscriptions
        // by chat and fans pre-built frames out (the yardstick), and an epoll load generator
        // with its own minimal WebSocket client, so the client side costs the same for both.
        // The allocation-free JSON scanner both C tools share (header-only).
        .target(name: "CJSONScan"),
        .executableTarget(
            name: "BaselineServer",
            dependencies: ["CLibWebSockets", "CJSONScan"],
            cSettings: [.define("_GNU_SOURCE")]
        ),
        .executableTarget(
            name: "LoadGenerator",
            dependencies: ["CJSONScan"],
            cSettings: [.define("_GNU_SOURCE")],
            linkerSettings: [.linkedLibrary("m")]
        ),

        .testTarget(name: "GraphQLTests", dependencies: ["GraphQL"]),
        .testTarget(name: "GraphQLTransportWSTests", dependencies: ["GraphQLTransportWS", "GraphQL"]),
        .testTarget(name: "SwitchboardTests", dependencies: ["Switchboard", "GraphQL", "GraphQLTransportWS"]),
        .testTarget(name: "ChatTests", dependencies: ["Chat", "Switchboard", "GraphQL"]),
    ],
    swiftLanguageModes: [.v6]
)
