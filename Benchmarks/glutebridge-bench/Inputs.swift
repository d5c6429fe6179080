import GluteCore
import GluteDevices
import GluteSession
import GluteSim
import GluteWire

/// Workload inputs, made before any timing starts.
enum Inputs {
    /// `seconds` of the desk-day scenario's IMU samples (accelerometer, gyroscope, magnetometer;
    /// no cushion), seed 1.
    static func deskDayIMU(seconds: Double) -> [Sample] {
        var settings = SimulationSettings()
        settings.duration = seconds
        settings.cushion = false
        settings.magnetometer = true
        var sensor = VirtualSensor(scenario: .deskDay, settings: settings)
        var samples: [Sample] = []
        samples.reserveCapacity(Int(seconds * settings.imuRate) + 1)
        while let sample = sensor.next() { samples.append(sample) }
        return samples
    }

    /// The simulated firmware's serial byte stream for `seconds` of desk-day (IMU and cushion),
    /// as `glutebridge simulate` writes it.
    static func deskDayNativeStream(seconds: Double) -> [UInt8] {
        var settings = SimulationSettings()
        settings.duration = seconds
        var firmware = SimulatedFirmware(scenario: .deskDay, simulation: settings)
        var bytes: [UInt8] = []
        while let burst = firmware.next() { bytes += burst.bytes }
        return bytes
    }

    /// A recording's bytes, or nil when it is not there.
    static func file(_ path: String) -> [UInt8]? {
        try? ChunkedFileReader.readAll(path)
    }

    /// Every sample a decoder makes of `bytes`, fed in chunks of `chunk` bytes.
    static func decodeAll<D: StreamDecoder>(_ decoder: D, _ bytes: [UInt8], chunk: Int = 4096) -> [Sample] {
        var decoder = decoder
        var samples: [Sample] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            decoder.feed(bytes[start..<end], hostTime: 0) { if case .sample(let s) = $0 { samples.append(s) } }
            start = end
        }
        decoder.finish(hostTime: 0) { if case .sample(let s) = $0 { samples.append(s) } }
        return samples
    }
}
