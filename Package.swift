// swift-tools-version:6.0
// densho: a static-site generator for proactive SME support teams.
// No package dependencies: the one outside library is the C library cmark (Debian libcmark-dev).
import PackageDescription

let package = Package(
    name: "densho",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "densho", targets: ["densho"]),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            path: "Sources/CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "Seeded"),
        .target(name: "Messages"),
        .target(name: "FrontMatter", dependencies: ["Messages"]),
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(name: "Mustache"),
        .target(name: "Search"),
        .target(name: "Site", dependencies: ["Messages", "FrontMatter", "Markdown", "Mustache", "Search"]),
        .executableTarget(name: "densho", dependencies: ["Messages", "Site", "Search", "Mustache", "DefaultTheme"]),
        // themes/default built into the binary. themes/ is this module's folder, so SwiftPM notices a
        // theme file added or removed; EmbedDefaultTheme (running ThemeEmbedder) turns the files into
        // generated source in the build folder. themes/default stays the one source of truth.
        .target(name: "DefaultTheme", path: "themes", exclude: ["default"], sources: ["DefaultTheme.swift"],
                plugins: ["EmbedDefaultTheme"]),
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedDefaultTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        // Benchmark: generates a corpus and times densho against cmark alone and Hugo + Pagefind.
        .executableTarget(name: "densho-bench", dependencies: ["Site", "Search", "Markdown", "FrontMatter", "Seeded"]),

        // What the tests share about outside programs (node, chromium): found, skipped with setup's reason, or failed.
        .target(name: "TestTools", path: "Tests/TestTools"),
        .testTarget(name: "FrontMatterTests", dependencies: ["FrontMatter", "Messages", "Seeded"]),
        // Conformance/: the suites' data files with their licences (read by the tests, not compiled).
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "Seeded"], exclude: ["Conformance"]),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache"], exclude: ["Conformance"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Site", "Seeded", "TestTools"],
                    exclude: ["normalize-check.js", "js-harness.js", "normalization-table.json"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Messages", "Seeded"]),
        .testTarget(name: "EndToEndTests", dependencies: ["densho", "Seeded", "TestTools"], exclude: ["chromium-wait.py", "chromium-tabs.py", "devtools_pipe.py"]),
    ],
    swiftLanguageModes: [.v5]
)
