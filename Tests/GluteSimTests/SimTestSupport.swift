import Foundation
import GluteSim
import GluteWire

/// All samples of a run, split by kind.
struct Recording {
    var imu: [IMUSample] = []
    var pressure: [PressureSample] = []

    init(_ sensor: VirtualSensor) {
        var sensor = sensor
        while let sample = sensor.next() {
            switch sample {
            case .imu(let s): imu.append(s)
            case .pressure(let s): pressure.append(s)
            }
        }
    }

    /// IMU samples with start <= time < end (samples are time-ordered).
    func imu(from start: Double, to end: Double) -> ArraySlice<IMUSample> {
        let lower = imu.partitionPoint { $0.time >= start }
        let upper = imu.partitionPoint { $0.time >= end }
        return imu[lower..<max(lower, upper)]
    }

    func pressure(from start: Double, to end: Double) -> [PressureSample] {
        pressure.filter { $0.time >= start && $0.time < end }
    }
}

extension Array {
    /// First index whose element satisfies a predicate that is false then true along the array.
    func partitionPoint(_ predicate: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

func makeSettings(seed: UInt64 = 1, duration: Double? = nil,
                  _ change: (inout SimulationSettings) -> Void = { _ in }) -> SimulationSettings {
    var s = SimulationSettings()
    s.seed = seed
    s.duration = duration
    change(&s)
    return s
}

func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }

func meanVector<C: Collection>(_ samples: C, _ key: (C.Element) -> Vector3) -> Vector3 {
    var sum = Vector3.zero
    for sample in samples { sum = sum + key(sample) }
    return sum * (1 / Double(max(samples.count, 1)))
}

/// Tilt and obliquity (degrees) implied by a still accelerometer reading, inverting
/// accel = (-sin t, -sin p cos t, cos p cos t).
func anglesFromGravity(_ a: Vector3) -> (tilt: Double, obliquity: Double) {
    let tilt = atan2(-a.x, (a.y * a.y + a.z * a.z).squareRoot()) * 180 / .pi
    let obliquity = atan2(-a.y, a.z) * 180 / .pi
    return (tilt, obliquity)
}

/// Magnitude of the discrete-time Fourier transform of `values` (sampled at `rate`) at `frequency`.
func spectralMagnitude(_ values: [Double], rate: Double, frequency: Double) -> Double {
    var re = 0.0, im = 0.0
    for (k, v) in values.enumerated() {
        let angle = 2 * Double.pi * frequency * Double(k) / rate
        re += v * cos(angle)
        im -= v * sin(angle)
    }
    return (re * re + im * im).squareRoot() / Double(values.count)
}

/// The frequency in [low, high] with the largest spectral magnitude, scanned in `step` Hz.
func dominantFrequency(_ values: [Double], rate: Double, low: Double, high: Double, step: Double = 0.01) -> Double {
    let average = mean(values)
    let centred = values.map { $0 - average }
    var best = low, bestMagnitude = -1.0
    var f = low
    while f <= high {
        let m = spectralMagnitude(centred, rate: rate, frequency: f)
        if m > bestMagnitude { bestMagnitude = m; best = f }
        f += step
    }
    return best
}

/// Angle of the rotation between two unit quaternions, degrees.
func rotationAngleDeg(_ a: Quaternion, _ b: Quaternion) -> Double {
    let dot = abs(a.w * b.w + a.x * b.x + a.y * b.y + a.z * b.z)
    return 2 * acos(min(1, dot)) * 180 / .pi
}

/// Hamilton product a * b.
func multiply(_ a: Quaternion, _ b: Quaternion) -> Quaternion {
    Quaternion(w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
               x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
               y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
               z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w)
}

/// The quaternion of a rotation vector (radians).
func exponential(_ v: Vector3) -> Quaternion {
    let angle = v.norm
    guard angle > 0 else { return .identity }
    let s = sin(angle / 2) / angle
    return Quaternion(w: cos(angle / 2), x: v.x * s, y: v.y * s, z: v.z * s)
}

/// Prints a measured figure when GLUTESIM_REPORT is set, so the numbers behind a pass can be read.
func report(_ line: String) {
    if ProcessInfo.processInfo.environment["GLUTESIM_REPORT"] != nil { print("measured: \(line)") }
}
