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
  ],
  targets: [
    .target(name: "RuleLanguage"),
    .target(
      name: "KnowledgeBase",
      dependencies: ["RuleLanguage", .product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "resilienz",
      dependencies: [
        "KnowledgeBase",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
  ]
)
