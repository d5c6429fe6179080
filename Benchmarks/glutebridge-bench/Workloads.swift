import GluteCore
import GluteSession
import GluteSim
import GluteWire

// The timed work. Each returns a checksum derived from its results so that none of it can be
// optimized away.

/// The whole GluteCore pipeline, default settings, over `samples`.
func runPipeline(_ samples: [Sample]) -> Double {
    var pipeline = Pipeline(settings: PipelineSettings())
    var events = 0
    for sample in samples {
        pipeline.process(sample) { _ in events += 1 }
    }
    pipeline.finish { _ in events += 1 }
    return Double(events) + (pipeline.snapshot.tilt ?? 0)
}

/// `AHRS.update` once per IMU sample, at the samples' 100 Hz.
func runAHRS(_ samples: [IMUSample]) -> Double {
    var ahrs = AHRS()
    for s in samples {
        ahrs.update(gyro: s.gyro, accel: s.accel, mag: s.mag, dt: 0.01)
    }
    return ahrs.quaternion.w
}

/// A decoder over `bytes` in chunks of `chunk` bytes (a serial read delivers a few KB at most).
func runDecoder<D: StreamDecoder>(_ decoder: D, _ bytes: [UInt8], chunk: Int = 4096) -> Double {
    var decoder = decoder
    var samples = 0
    var start = 0
    while start < bytes.count {
        let end = min(start + chunk, bytes.count)
        decoder.feed(bytes[start..<end], hostTime: 0) { if case .sample = $0 { samples += 1 } }
        start = end
    }
    decoder.finish(hostTime: 0) { if case .sample = $0 { samples += 1 } }
    return Double(samples)
}

/// A replay: recorded native bytes through `SessionEngine` (decoder and pipeline) into events.
func runReplay(_ bytes: [UInt8], chunk: Int = 4096) -> Double {
    var engine = SessionEngine(decoder: NativeDecoder(), pipeline: Pipeline(settings: PipelineSettings()))
    var events = 0
    var start = 0
    while start < bytes.count {
        let end = min(start + chunk, bytes.count)
        engine.feed(bytes[start..<end], monotonic: 0, wall: 0) { _ in events += 1 }
        start = end
    }
    engine.finish { _ in events += 1 }
    return Double(events + engine.samplesProcessed)
}

/// The live chain without the pty: the virtual sensor's physics, the simulated firmware's
/// encoding, and `SessionEngine` decoding and detecting, for `seconds` of desk-day.
func runSimulatedSession(seconds: Double) -> Double {
    var settings = SimulationSettings()
    settings.duration = seconds
    var firmware = SimulatedFirmware(scenario: .deskDay, simulation: settings)
    var engine = SessionEngine(decoder: NativeDecoder(), pipeline: Pipeline(settings: PipelineSettings()))
    var events = 0
    while let burst = firmware.next() {
        engine.feed(burst.bytes[...], monotonic: burst.time, wall: burst.time) { _ in events += 1 }
    }
    engine.finish { _ in events += 1 }
    return Double(events + engine.samplesProcessed)
}
