// swift-tools-version:6.0
import PackageDescription

// The build is a pipeline, one target per stage, each importing only the stages before it, so the
// compiler refuses a dependency that runs backwards:
//   LadderCore ← LadderLoad ← LadderMarkdown ← LadderRecognise ← LadderModel ← LadderRender, LadderSearch ← LadderGenerate
//   (LadderDiff, on its own, is used by LadderModel and LadderGenerate)
//   ← LadderServer ← LadderCLI ← ladder
// Incremental reuse (the preview server's memo) lives in LadderGenerate, the build driver, alone.
let package = Package(
    name: "Ladder",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ladder", targets: ["ladder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
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
        // libxml2's HTML parser: raw HTML tables in imported pages are read with a real parser, never patterns.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Diagnostics and source locations, slugs, escaping, hashing, the output sink.
        .target(name: "LadderCore"),
        // Walk content/, split front matter, read YAML and site.yml with locations.
        .target(name: "LadderLoad", dependencies: ["LadderCore", .product(name: "Yams", package: "Yams")]),
        // cmark's memory: a per-thread arena for the trees of one page (see Sources/CMarkMemory/cmark_memory.c).
        .target(name: "CMarkMemory", dependencies: ["CCmark"]),
        // Markdown through cmark: outlines, tables, anchors, link hooks, HTML.
        .target(name: "LadderMarkdown", dependencies: ["LadderCore", "CCmark", "CMarkMemory", "CLibXML2"]),
        // Recognition: readers propose the ladders a page holds as it is written; a resolver keeps the best.
        .target(name: "LadderRecognise", dependencies: ["LadderCore", "LadderLoad", "LadderMarkdown"]),
        // What changes between two wordings: criteria aligned one to one, words added and removed. Pure
        // functions over strings, depending on nothing, so the model, the pages and `ladder diff` share it.
        .target(name: "LadderDiff"),
        // Pages, tracks, levels, competencies, URLs and links, as values.
        .target(name: "LadderModel", dependencies: ["LadderCore", "LadderLoad", "LadderMarkdown", "LadderRecognise", "LadderDiff"]),
        // The theme: Mustache templates (our own compiler and renderer, Mustache/), the built-in copy and a
        // site's overrides.
        // The built-in copy of templates/ is generated at build time by ThemePlugin.
        .target(
            name: "LadderRender",
            dependencies: [
                "LadderCore", "LadderLoad", "LadderModel",
            ],
            plugins: ["ThemePlugin"]
        ),
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "ThemePlugin", capability: .buildTool(), dependencies: ["ThemeEmbedder"],
                path: "Sources/ThemePlugin"),
        // The client-side search index, from the model and the rendered documents.
        .target(name: "LadderSearch", dependencies: ["LadderCore", "LadderModel", "LadderMarkdown"]),
        // The build driver: runs the stages into an OutputSink, with or without a memo of the last build.
        .target(name: "LadderGenerate", dependencies: [
            "LadderCore", "LadderLoad", "LadderMarkdown", "LadderModel", "LadderRender", "LadderSearch", "LadderDiff",
        ]),
        // The preview server: Hummingbird, live reload, inotify; the stages keep no networking dependency.
        .target(
            name: "LadderServer",
            dependencies: [
                "LadderCore", "LadderLoad", "LadderGenerate",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The commit `ladder --version` prints: "" here (a weak definition); `make dist` links the commit in.
        .target(name: "CLadderBuild"),
        .target(
            name: "LadderCLI",
            dependencies: [
                "LadderCore", "LadderGenerate", "LadderDiff", "LadderModel",
                "LadderServer", "CLadderBuild",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ladder", dependencies: ["LadderCLI"]),
        // A seeded random-input driver over the stages that read user input (`bench/fuzz SECONDS`).
        .executableTarget(name: "LadderFuzz", dependencies: [
            "LadderCore", "LadderLoad", "LadderMarkdown", "LadderModel", "LadderGenerate",
        ]),
        .testTarget(
            name: "LadderTests",
            dependencies: [
                "LadderCore", "LadderLoad", "LadderMarkdown", "LadderRecognise", "LadderModel", "LadderRender",
                "LadderSearch", "LadderDiff", "LadderGenerate", "LadderServer", "LadderCLI", "ladder",
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
