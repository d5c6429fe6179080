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
        // libmosquitto, opened with dlopen on the first MQTT client (header from libmosquitto-dev).
        .target(name: "CMosquitto", linkerSettings: [.linkedLibrary("dl")]),
        // Bytes to samples: framing, CRC, messages, foreign formats. No I/O, no clocks.
        .target(name: "GluteWire", dependencies: [realModule]),
        // Samples to events: orientation, calibration, posture, detectors. Pure and deterministic.
        .target(name: "GluteCore", dependencies: ["GluteWire", realModule]),
        // The virtual sensor's physics: scenarios rendered to samples. Pure, seeded.
        .target(name: "GluteSim", dependencies: ["GluteWire", realModule]),
        // The operating system's edge, and the only module that makes system calls: ttys, ptys,
        // reader threads, udev, Bluetooth sockets, files, processes, signals, the terminal, the
        // simulated sensor's runners and the doctor's probes.
        .target(name: "GluteDevices", dependencies: ["GluteWire", "GluteSim", "CUdev", "CBlueZ"]),
        // The network's edge: libmosquitto behind MQTTClient (its own network thread), the MQTT URL.
        .target(name: "GluteMQTT", dependencies: ["CMosquitto"]),
        // What GluteBridge keeps: capture files, event formats and their inverse (JSONL read back).
        .target(name: "GluteLog", dependencies: ["GluteWire", "GluteCore", "GluteDevices"]),
        // What an event sets off: bell, notification, commands; rate limits and quiet hours.
        .target(name: "GluteAlerts", dependencies: ["GluteCore", "GluteLog", "GluteDevices"]),
        // The settings of a run: config file (a TOML subset), options, defaults; calibration profiles.
        .target(name: "GluteSettings", dependencies: ["GluteWire", "GluteCore", "GluteLog", "GluteAlerts", "GluteDevices"]),
        // The live view: state and rendering to styled text. Pure; the terminal itself is GluteDevices'.
        .target(name: "GluteLiveView", dependencies: ["GluteWire", "GluteCore", "GluteLog"]),
        // Guided sessions: the self-tests, the exercise coach, the calibration procedure, one prompt sink.
        .target(name: "GluteGuided", dependencies: ["GluteWire", "GluteCore", "GluteLog", "GluteSettings", "GluteDevices", "GluteSession"]),
        // Days kept apart: event logs sorted into local days, the history table and its JSON. Pure
        // but for reading the logs through GluteLog; time-zone rules are passed in.
        .target(name: "GluteHistory", dependencies: ["GluteWire", "GluteCore", "GluteLog"]),
        // A day at a glance: report inputs on one timeline, the HTML report with its SVG charts; a week of days.
        .target(name: "GluteReport", dependencies: ["GluteWire", "GluteCore", "GluteLog", "GluteLiveView", "GluteSession", "GluteDevices", "GluteHistory"]),
        // Sessions: a source through decoder and pipeline into sinks, live or replayed.
        .target(name: "GluteSession", dependencies: ["GluteWire", "GluteCore", "GluteSim", "GluteDevices", "GluteLog",
                                                     "GluteAlerts", "GluteSettings", "GluteLiveView", "GluteMQTT"]),
        .executableTarget(name: "glutebridge", dependencies: [
            "GluteWire", "GluteCore", "GluteSim", "GluteDevices", "GluteLog", "GluteSession",
            "GluteAlerts", "GluteSettings", "GluteGuided", "GluteReport", "GluteHistory", "GluteMQTT",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `make bench`: figures for the README, never run by `make test`.
        .executableTarget(name: "glutebridge-bench", dependencies: ["GluteWire", "GluteCore", "GluteSim", "GluteSession", "GluteDevices",
                                                                   "CAllocationCounter"],
                          path: "Benchmarks/glutebridge-bench"),
        // Counts the benchmark's heap allocations (allocations per sample in `make bench`).
        .target(name: "CAllocationCounter", path: "Benchmarks/CAllocationCounter"),
        .testTarget(name: "GluteWireTests", dependencies: ["GluteWire", "GluteSim"]),
        .testTarget(name: "GluteCoreTests", dependencies: ["GluteCore", "GluteWire", "GluteSim"]),
        .testTarget(name: "GluteSimTests", dependencies: ["GluteSim", "GluteWire"]),
        .testTarget(name: "GluteDevicesTests", dependencies: ["GluteDevices", "GluteWire", "GluteSim"]),
        .testTarget(name: "GluteLogTests", dependencies: ["GluteLog", "GluteCore", "GluteDevices"]),
        .testTarget(name: "GluteHistoryTests", dependencies: ["GluteHistory", "GluteLog", "GluteCore"]),
        .testTarget(name: "GluteSessionTests", dependencies: ["GluteSession", "GluteSim", "GluteCore", "GluteWire", "GluteDevices", "GluteLog",
                                                             "GluteAlerts", "GluteSettings", "GluteLiveView", "GluteGuided", "GluteReport"]),
        // Detectors against the virtual sensor's scripted ground truth.
        .testTarget(name: "ScenarioTests", dependencies: ["GluteSim", "GluteCore", "GluteWire"]),
        .testTarget(name: "CLITests", dependencies: ["GluteWire", "GluteLog"]),
        // Against a real mosquitto on a loopback port (skipped when mosquitto is not installed).
        .testTarget(name: "GluteMQTTTests", dependencies: ["GluteMQTT", "GluteSession", "GluteCore", "GluteLog", "GluteDevices"]),
    ],
    swiftLanguageModes: [.v6]
)
