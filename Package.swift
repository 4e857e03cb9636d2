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
        .executable(name: "order-status", targets: ["OrderStatus"]),
    ],
    dependencies: [
        // `swift package generate-documentation` (make docs); a plugin, linked into nothing.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Structured logs (Logging/): our handler implements LogHandler.log(event:) and reads
        // LogEvent.error, both present from 1.12.0.
        .package(url: "https://github.com/apple/swift-log", from: "1.12.0"),
        // HMAC-SHA256 for tokens (Auth/): a well-kept implementation with a constant-time check.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
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
        .target(name: "Switchboard", dependencies: [
            "GraphQL", "GraphQLTransportWS", "CSQLite", "CLibWebSockets",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // The chat application: resolvers for Schema/chat.graphql and its topic mapping.
        .target(name: "Chat", dependencies: ["Switchboard", "GraphQL"],
                // The chat page served at `/`: embedded at build time by EmbedChatPage (no resource bundle).
                exclude: ["ChatPage/chat.html"], plugins: ["EmbedChatPage"]),
        // Build-time tool and plugin that turn Sources/Chat/ChatPage/chat.html into a string constant.
        .executableTarget(name: "EmbedText"),
        .plugin(name: "EmbedChatPage", capability: .buildTool(), dependencies: ["EmbedText"]),

        .executableTarget(
            name: "switchboard",
            dependencies: [
                "GraphQL",
                "Switchboard",
                "Chat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The library's getting-started example: an order-status service with its own schema,
        // resolvers and topics (Examples/OrderStatus, Tests/test_order_status.py).
        .executableTarget(
            name: "OrderStatus",
            dependencies: [
                "GraphQL",
                "Switchboard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/OrderStatus",
            exclude: ["README.md", "documents"],
            resources: [.copy("schema.graphql")]
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
        .target(name: "CTestSupport", path: "Tests/CTestSupport"),
        .testTarget(name: "SwitchboardTests", dependencies: [
            "Switchboard", "GraphQL", "GraphQLTransportWS", "CTestSupport", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ChatTests", dependencies: ["Chat", "Switchboard", "GraphQL"]),
    ],
    swiftLanguageModes: [.v6]
)
