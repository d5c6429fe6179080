import Glibc
import GluteSim
import GluteWire

/// A native-protocol stream cut into the bursts a sensor sends, each with the time it is due and
/// the IMU samples it carries: what `--live` and `--feed` write into a pty at the sensor's pace.
struct PacedStream {
    struct Burst {
        /// Stream seconds at which the sensor sends it.
        let time: Double
        let bytes: [UInt8]
        /// IMU samples a decoder makes of it (0 for the device info or a status frame alone).
        let samples: Int
    }

    let rateHz: Double
    let samplesPerFrame: Int
    let bursts: [Burst]

    var totalSamples: Int { bursts.reduce(0) { $0 + $1.samples } }

    /// `seconds` of the desk-day scenario (IMU with magnetometer, no cushion) at `rateHz`,
    /// `samplesPerFrame` samples per IMU frame, as the simulated firmware encodes it.
    init(rateHz: Double, samplesPerFrame: Int, seconds: Double) {
        var simulation = SimulationSettings()
        simulation.imuRate = rateHz
        simulation.duration = seconds
        simulation.cushion = false
        var firmware = SimulatedFirmware(scenario: .deskDay, simulation: simulation, imuBatch: samplesPerFrame)
        // Decoded here once, so that the reader's n-th sample can be traced to the burst that carried it.
        var decoder = NativeDecoder()
        var bursts: [Burst] = []
        while let out = firmware.next() {
            var samples = 0
            decoder.feed(out.bytes[...], hostTime: 0) { if case .sample = $0 { samples += 1 } }
            bursts.append(Burst(time: out.time, bytes: out.bytes, samples: samples))
        }
        self.rateHz = rateHz
        self.samplesPerFrame = samplesPerFrame
        self.bursts = bursts
    }

    /// Writes every burst with `write` when it is due, from now on; `written(i, t)` hears the
    /// monotonic time taken just before burst `i` was handed to `write`. Returns false when a
    /// write failed (the reader went away).
    func play(write: ([UInt8]) -> Bool, written: (Int, Double) -> Void = { _, _ in }) -> Bool {
        guard let first = bursts.first else { return true }
        let origin = monotonicSeconds()
        for (index, burst) in bursts.enumerated() {
            sleepUntil(monotonic: origin + (burst.time - first.time))
            written(index, monotonicSeconds())
            guard write(burst.bytes) else { return false }
        }
        return true
    }
}

/// Sleeps until the monotonic clock reads `seconds`: an absolute deadline, so that the time a write
/// takes does not push every later burst back.
func sleepUntil(monotonic seconds: Double) {
    var deadline = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
    while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nil) == EINTR {}
}
