// swift-tools-version:6.0
import PackageDescription

// The build is a pipeline: load content → model the ladder → render Markdown → generate pages → write
// output. `LadderKit` holds those stages as folders; `LadderCLI` maps commands onto them; `ladder` is
// the executable.
let package = Package(
    name: "Ladder",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ladder", targets: ["ladder"]),
        .library(name: "LadderKit", targets: ["LadderKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        // Hummingbird's own dependencies, named here because the server imports them directly (the bound
        // port from NIO's channel; a graceful-shutdown hook from ServiceLifecycle; a quiet logger).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "LadderKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The preview server lives apart so LadderKit keeps no networking dependency.
        .target(
            name: "LadderServer",
            dependencies: [
                "LadderKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LadderCLI",
            dependencies: [
                "LadderKit",
                "LadderServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ladder", dependencies: ["LadderCLI"]),
        .testTarget(
            name: "LadderKitTests",
            dependencies: ["LadderKit", "LadderServer", "LadderCLI", "ladder"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
