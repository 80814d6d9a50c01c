// swift-tools-version: 6.2
// resilienz — decision support for municipal crisis management.
// SPDX-License-Identifier: GPL-3.0-or-later

import PackageDescription

let package = Package(
  name: "resilienz",
  products: [
    .executable(name: "resilienz", targets: ["resilienz"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
  ],
  targets: [
    .target(name: "RuleLanguage"),
    .target(
      name: "KnowledgeBase",
      dependencies: ["RuleLanguage", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "RuleEngine", dependencies: ["KnowledgeBase"]),
    .target(name: "Consultation", dependencies: ["RuleEngine", "KnowledgeBase"]),
    .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
    .target(
      name: "Report",
      dependencies: [
        "Consultation", "KnowledgeBase", "RuleLanguage",
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    .target(name: "LanguageServer", dependencies: ["KnowledgeBase", "RuleLanguage"]),
    .target(
      name: "Shell", dependencies: ["Consultation", "KnowledgeBase", "CReadline", "Report"],
      plugins: ["CommandTablePlugin"]
    ),
    // Lists the shell's command types at build time, so that a new command is one new file.
    .executableTarget(name: "GenerateCommandTable"),
    .plugin(name: "CommandTablePlugin", capability: .buildTool(), dependencies: ["GenerateCommandTable"]),
    .executableTarget(
      name: "resilienz",
      dependencies: [
        "KnowledgeBase", "Consultation", "Shell", "Report", "LanguageServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "_ResilienzTestSupport", dependencies: ["RuleLanguage", "KnowledgeBase", "RuleEngine"]),
    .testTarget(
      name: "RuleLanguageTests",
      dependencies: ["RuleLanguage", "_ResilienzTestSupport"],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "KnowledgeBaseTests",
      dependencies: ["KnowledgeBase", "_ResilienzTestSupport"],
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "ResilienzCLITests",
      dependencies: ["resilienz", "Shell", "KnowledgeBase", "_ResilienzTestSupport"],
      exclude: ["Snapshots", "Fixtures"]
    ),
    .testTarget(
      name: "RuleEngineTests",
      dependencies: ["RuleEngine", "KnowledgeBase", "Consultation", "_ResilienzTestSupport"]
    ),
    .testTarget(
      name: "ConsultationTests",
      dependencies: ["Consultation", "KnowledgeBase", "RuleEngine", "_ResilienzTestSupport"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "ShellTests",
      dependencies: ["Shell", "Consultation", "KnowledgeBase", "RuleEngine", "_ResilienzTestSupport"],
      exclude: ["Transcripts", "Fixtures", "Snapshots"]
    ),
    .testTarget(
      name: "LanguageServerTests",
      dependencies: ["LanguageServer", "KnowledgeBase", "RuleLanguage", "_ResilienzTestSupport"]
    ),
    .testTarget(
      name: "ReportTests",
      dependencies: [
        "Report", "Shell", "resilienz", "Consultation", "KnowledgeBase", "RuleEngine", "RuleLanguage",
        "_ResilienzTestSupport",
      ],
      exclude: ["Snapshots", "Fixtures"]
    ),
  ]
)
