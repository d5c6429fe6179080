// swift-tools-version: 6.0
import PackageDescription

/// swift-numerics' elementary functions (sin, cos, atan2, ...): the pure modules need no libc.
let realModule: Target.Dependency = .product(name: "RealModule", package: "swift-numerics")

let package = Package(
    name: "GluteBridge",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "glutebridge", targets: ["glutebridge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        .systemLibrary(name: "CUdev", pkgConfig: "libudev",
                       providers: [.apt(["libudev-dev"])]),
        .systemLibrary(name: "CBlueZ", pkgConfig: "bluez",
                       providers: [.apt(["libbluetooth-dev"])]),
        // Bytes to samples: framing, CRC, messages, foreign formats. No I/O, no clocks.
        .target(name: "GluteWire", dependencies: [realModule]),
        // Samples to events: orientation, calibration, posture, detectors. Pure and deterministic.
        .target(name: "GluteCore", dependencies: ["GluteWire", realModule]),
        // The virtual sensor's physics: scenarios rendered to samples. Pure, seeded.
        .target(name: "GluteSim", dependencies: ["GluteWire", realModule]),
        // The POSIX edge: ttys, ptys, reader threads, udev, Bluetooth sockets.
        .target(name: "GluteDevices", dependencies: ["GluteWire", "CUdev"]),
        // Capture files, event encoders, sinks.
        .target(name: "GluteLog", dependencies: ["GluteWire", "GluteCore"]),
        // Sessions: a source through decoder and pipeline into sinks, live or replayed; the logic
        // behind the verbs, so that the executable holds argument parsing only.
        .target(name: "GluteSession", dependencies: ["GluteWire", "GluteCore", "GluteSim", "GluteDevices", "GluteLog", "CBlueZ"]),
        .executableTarget(name: "glutebridge", dependencies: [
            "GluteWire", "GluteCore", "GluteSim", "GluteDevices", "GluteLog", "GluteSession",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `make bench`: figures for the README, never run by `make test`.
        .executableTarget(name: "glutebridge-bench", dependencies: ["GluteWire", "GluteCore", "GluteSim", "GluteSession", "GluteDevices",
                                                                   "CAllocationCounter"],
                          path: "Benchmarks/glutebridge-bench"),
        // Counts the benchmark's heap allocations (allocations per sample in `make bench`).
        .target(name: "CAllocationCounter", path: "Benchmarks/CAllocationCounter"),
        .testTarget(name: "GluteWireTests", dependencies: ["GluteWire"]),
        .testTarget(name: "GluteCoreTests", dependencies: ["GluteCore", "GluteWire"]),
        .testTarget(name: "GluteSimTests", dependencies: ["GluteSim", "GluteWire"]),
        .testTarget(name: "GluteDevicesTests", dependencies: ["GluteDevices", "GluteWire"]),
        .testTarget(name: "GluteLogTests", dependencies: ["GluteLog", "GluteCore"]),
        .testTarget(name: "GluteSessionTests", dependencies: ["GluteSession", "GluteSim", "GluteCore", "GluteWire", "GluteDevices", "GluteLog"]),
        // Detectors against the virtual sensor's scripted ground truth.
        .testTarget(name: "ScenarioTests", dependencies: ["GluteSim", "GluteCore", "GluteWire"]),
        .testTarget(name: "CLITests", dependencies: ["GluteWire", "GluteLog"]),
    ],
    swiftLanguageModes: [.v6]
)
