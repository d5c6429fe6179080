import CAllocationCounter
import GluteCore
import GluteSession
import GluteSim
import GluteWire

// `glutebridge-bench --check-allocations` (`make check-speed`): the per-sample paths allocate
// nothing in steady state, or the check fails. In the release build only: a debug build
// allocates in unspecialised generic code (about 2 per sample in the pipeline), which says
// nothing about the shipped binary. The first minute of each stream warms buffers up.

/// One counted condition: what was counted, and whether it met its bound.
struct AllocationCheck {
    let name: String
    let allocations: UInt
    let allowed: UInt
    let units: Int
    let unit: String
    var atLeast: UInt = 0
    var passed: Bool { allocations <= allowed && allocations >= atLeast && units > 0 }
    var bound: String { atLeast > 0 ? "at least \(atLeast)" : "allowed \(allowed)" }
}

enum AllocationChecks {
    static let warmUpSeconds = 60.0
    static let chunk = 4096

    /// The native decoder over the simulated stream: nothing per frame, with or without the
    /// cushion (a cushion sample's cells reuse the decoder's buffer when the receiver lets go).
    static func decoder(cushion: Bool) -> AllocationCheck {
        let bytes = stream(seconds: 600, cushion: cushion)
        var decoder = NativeDecoder()
        var pressure = 0, imu = 0, warm = false
        var counted: UInt = 0, frames = 0
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            let before = glute_allocation_count()
            let framesBefore = decoder.statistics.frames
            var chunkPressure = 0, chunkIMU = 0, lastTime = 0.0
            decoder.feed(bytes[start..<end], hostTime: 0) { output in
                switch output {
                case .sample(.imu(let s)): chunkIMU += 1; lastTime = s.time
                case .sample(.pressure): chunkPressure += 1
                default: break
                }
            }
            let made = glute_allocation_count() - before
            if warm {
                counted += made
                frames += decoder.statistics.frames - framesBefore
                pressure += chunkPressure
                imu += chunkIMU
            }
            warm = warm || lastTime > warmUpSeconds
            start = end
        }
        return AllocationCheck(name: cushion ? "NativeDecoder, IMU and cushion: allocations per frame" : "NativeDecoder, IMU only: allocations per frame",
                               allocations: counted, allowed: 0, units: cushion && pressure == 0 ? 0 : frames, unit: "frames")
    }

    /// The pipeline: a sample that completes no event allocates nothing (an event may carry text).
    static func pipeline() -> AllocationCheck {
        var settings = SimulationSettings()
        settings.duration = 600
        var sensor = VirtualSensor(scenario: .deskDay, settings: settings)
        var pipeline = Pipeline(settings: PipelineSettings())
        var quiet = 0
        var counted: UInt = 0
        while let sample = sensor.next() {
            var emitted = 0
            let before = glute_allocation_count()
            pipeline.process(sample) { _ in emitted += 1 }
            let made = glute_allocation_count() - before
            guard sample.time > warmUpSeconds, emitted == 0 else { continue }
            quiet += 1
            counted += made
        }
        return AllocationCheck(name: "Pipeline (IMU and cushion): allocations per sample without event",
                               allocations: counted, allowed: 0, units: quiet, unit: "samples")
    }

    /// Bytes through `SessionEngine` (decoder into pipeline): a chunk that completes no event
    /// allocates nothing (IMU only: cushion samples own their cells).
    static func replay() -> AllocationCheck {
        let bytes = stream(seconds: 600, cushion: false)
        var engine = SessionEngine(decoder: NativeDecoder(), pipeline: Pipeline(settings: PipelineSettings()))
        var quiet = 0
        var counted: UInt = 0
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            var emitted = 0
            let before = glute_allocation_count()
            engine.feed(bytes[start..<end], monotonic: 0, wall: 0) { _ in emitted += 1 }
            let made = glute_allocation_count() - before
            if (engine.lastSampleTime ?? 0) > warmUpSeconds, emitted == 0 {
                quiet += 1
                counted += made
            }
            start = end
        }
        return AllocationCheck(name: "Replay, SessionEngine (IMU only): allocations per 4 KiB chunk without event",
                               allocations: counted, allowed: 0, units: quiet, unit: "chunks")
    }

    static func stream(seconds: Double, cushion: Bool) -> [UInt8] {
        var settings = SimulationSettings()
        settings.duration = seconds
        settings.cushion = cushion
        var firmware = SimulatedFirmware(scenario: .deskDay, simulation: settings)
        var bytes: [UInt8] = []
        while let burst = firmware.next() { bytes += burst.bytes }
        return bytes
    }

    /// The counter itself: arrays built at run time must be seen. Guards every zero below
    /// against a build in which the executable's allocator entry points are not the ones
    /// called (a runtime linked another way): a counter that counts nothing passes everything.
    static func counterSeesAllocations() -> AllocationCheck {
        let before = glute_allocation_count()
        var kept: [[Int]] = []
        for n in 1...100 { kept.append(Array(repeating: n, count: n + Int(before % 2))) }
        let counted = glute_allocation_count() - before
        let total = kept.reduce(0) { $0 + $1.count }
        return AllocationCheck(name: "counter: \(kept.count) arrays built (\(total) elements) are counted",
                               allocations: counted, allowed: .max, units: kept.count, unit: "arrays", atLeast: 100)
    }

    /// Runs every check, prints one line each; true when all passed.
    static func runAll() -> Bool {
        let checks = [counterSeesAllocations(), decoder(cushion: false), decoder(cushion: true), pipeline(), replay()]
        for check in checks {
            print("\(check.passed ? "pass" : "FAIL")  \(check.name): \(check.allocations) allocations in \(check.units) \(check.unit) (\(check.bound))")
        }
        return checks.allSatisfy(\.passed)
    }
}
