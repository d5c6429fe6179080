/// Several IMU samples taken at a fixed interval, as int16 counts of their full-scale ranges.
///
/// Payload of `imuBatch` (0x10) and, with quaternions, `quaternionBatch` (0x11):
/// ```
/// 0  u8   count of samples, 1...
/// 1  u8   flags: bit 0 magnetometer present
/// 2  u16  interval between samples, microseconds
/// 4  u8   accelerometer full scale, g (value = raw / 32768 * range)
/// 5  u8   reserved, 0
/// 6  u16  gyroscope full scale, deg/s (value = raw / 32768 * range)
/// 8  per sample: i16 ax ay az gx gy gz, then i16 mx my mz (0.1 uT) if flagged,
///    then i16 qw qx qy qz (raw / 16384) in a quaternionBatch
/// ```
public struct IMUBatch: Sendable, Equatable {
    public struct Raw: Sendable, Equatable {
        public var accel: (Int16, Int16, Int16)
        public var gyro: (Int16, Int16, Int16)
        public var mag: (Int16, Int16, Int16)
        public var quaternion: (Int16, Int16, Int16, Int16)

        public init(accel: (Int16, Int16, Int16), gyro: (Int16, Int16, Int16),
                    mag: (Int16, Int16, Int16) = (0, 0, 0), quaternion: (Int16, Int16, Int16, Int16) = (0, 0, 0, 0)) {
            self.accel = accel; self.gyro = gyro; self.mag = mag; self.quaternion = quaternion
        }

        public static func == (a: Raw, b: Raw) -> Bool {
            a.accel == b.accel && a.gyro == b.gyro && a.mag == b.mag && a.quaternion == b.quaternion
        }
    }

    public static let headerSize = 8
    public static let magnetometerScale = 0.1  // uT per count
    public static let quaternionScale = 1.0 / 16384

    public var intervalMicros: UInt16
    public var accelRangeG: UInt8
    public var gyroRangeDPS: UInt16
    public var hasMagnetometer: Bool
    public var hasQuaternion: Bool
    public var samples: [Raw]

    public init(intervalMicros: UInt16, accelRangeG: UInt8, gyroRangeDPS: UInt16,
                hasMagnetometer: Bool = false, hasQuaternion: Bool = false, samples: [Raw]) {
        self.intervalMicros = intervalMicros
        self.accelRangeG = accelRangeG
        self.gyroRangeDPS = gyroRangeDPS
        self.hasMagnetometer = hasMagnetometer
        self.hasQuaternion = hasQuaternion
        self.samples = samples
    }

    public static func sampleSize(magnetometer: Bool, quaternion: Bool) -> Int {
        12 + (magnetometer ? 6 : 0) + (quaternion ? 8 : 0)
    }

    /// The most samples one frame carries with this layout.
    public static func capacity(magnetometer: Bool, quaternion: Bool) -> Int {
        (NativeFrame.maxPayload - headerSize) / sampleSize(magnetometer: magnetometer, quaternion: quaternion)
    }

    public func encode() -> [UInt8] {
        var w = ByteWriter(capacity: IMUBatch.headerSize + samples.count * IMUBatch.sampleSize(magnetometer: hasMagnetometer, quaternion: hasQuaternion))
        w.u8(UInt8(samples.count))
        w.u8(hasMagnetometer ? 1 : 0)
        w.u16(intervalMicros)
        w.u8(accelRangeG)
        w.u8(0)
        w.u16(gyroRangeDPS)
        for s in samples {
            w.i16(s.accel.0); w.i16(s.accel.1); w.i16(s.accel.2)
            w.i16(s.gyro.0); w.i16(s.gyro.1); w.i16(s.gyro.2)
            if hasMagnetometer { w.i16(s.mag.0); w.i16(s.mag.1); w.i16(s.mag.2) }
            if hasQuaternion { w.i16(s.quaternion.0); w.i16(s.quaternion.1); w.i16(s.quaternion.2); w.i16(s.quaternion.3) }
        }
        return w.bytes
    }

    /// Parses a payload; nil when it is shorter than its count says or a range is zero.
    /// Bytes past the last sample are ignored (room for minor-version additions).
    public init?(payload: ArraySlice<UInt8>, hasQuaternion: Bool) {
        var r = ByteReader(payload)
        guard let count = r.u8(), count > 0, let flags = r.u8(), let interval = r.u16(),
              let accelRange = r.u8(), r.u8() != nil, let gyroRange = r.u16(),
              accelRange > 0, gyroRange > 0 else { return nil }
        let hasMag = flags & 1 != 0
        guard r.remaining >= Int(count) * IMUBatch.sampleSize(magnetometer: hasMag, quaternion: hasQuaternion) else { return nil }
        var samples: [Raw] = []
        samples.reserveCapacity(Int(count))
        for _ in 0..<count {
            var s = Raw(accel: (r.i16()!, r.i16()!, r.i16()!), gyro: (r.i16()!, r.i16()!, r.i16()!))
            if hasMag { s.mag = (r.i16()!, r.i16()!, r.i16()!) }
            if hasQuaternion { s.quaternion = (r.i16()!, r.i16()!, r.i16()!, r.i16()!) }
            samples.append(s)
        }
        self.init(intervalMicros: interval, accelRangeG: accelRange, gyroRangeDPS: gyroRange,
                  hasMagnetometer: hasMag, hasQuaternion: hasQuaternion, samples: samples)
    }

    /// The sample at `index` in physical units, stamped `time` seconds.
    public func sample(at index: Int, time: Double) -> IMUSample {
        let s = samples[index]
        let a = Double(accelRangeG) / 32768
        let g = Double(gyroRangeDPS) / 32768
        var out = IMUSample(time: time,
                            accel: Vector3(Double(s.accel.0) * a, Double(s.accel.1) * a, Double(s.accel.2) * a),
                            gyro: Vector3(Double(s.gyro.0) * g, Double(s.gyro.1) * g, Double(s.gyro.2) * g))
        if hasMagnetometer {
            let m = IMUBatch.magnetometerScale
            out.mag = Vector3(Double(s.mag.0) * m, Double(s.mag.1) * m, Double(s.mag.2) * m)
        }
        if hasQuaternion {
            let q = IMUBatch.quaternionScale
            out.quaternion = Quaternion(w: Double(s.quaternion.0) * q, x: Double(s.quaternion.1) * q,
                                        y: Double(s.quaternion.2) * q, z: Double(s.quaternion.3) * q)
        }
        return out
    }

    /// Quantises physical values to counts of the given full scale, saturating like a real sensor.
    public static func counts(_ value: Double, fullScale: Double) -> Int16 {
        // NaN (a broken source) goes out as 0, like a sensor that reads nothing.
        Int16(saturating: value / fullScale * 32768, rounding: .toNearestOrAwayFromZero)
    }

    /// Builds the raw form of `sample` for the given ranges.
    public static func raw(of sample: IMUSample, accelRangeG: UInt8, gyroRangeDPS: UInt16) -> Raw {
        let a = Double(accelRangeG), g = Double(gyroRangeDPS)
        var raw = Raw(accel: (counts(sample.accel.x, fullScale: a), counts(sample.accel.y, fullScale: a), counts(sample.accel.z, fullScale: a)),
                      gyro: (counts(sample.gyro.x, fullScale: g), counts(sample.gyro.y, fullScale: g), counts(sample.gyro.z, fullScale: g)))
        if let m = sample.mag {
            raw.mag = (counts(m.x, fullScale: 3276.8), counts(m.y, fullScale: 3276.8), counts(m.z, fullScale: 3276.8))
        }
        if let q = sample.quaternion {
            raw.quaternion = (counts(q.w, fullScale: 2), counts(q.x, fullScale: 2), counts(q.y, fullScale: 2), counts(q.z, fullScale: 2))
        }
        return raw
    }
}
