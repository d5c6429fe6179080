/// Builds WitMotion packets from samples: for tests, the virtual sensor and the simulator.
public struct WitMotionEncoder: Sendable, Equatable {
    /// Which standard-protocol packets one sample becomes (WitMotion's "content" setting).
    public struct Contents: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let acceleration = Contents(rawValue: 1 << 0)
        public static let angularVelocity = Contents(rawValue: 1 << 1)
        public static let angle = Contents(rawValue: 1 << 2)
        public static let quaternion = Contents(rawValue: 1 << 3)
        /// The factory setting: acceleration, angular velocity, angle.
        public static let factory: Contents = [.acceleration, .angularVelocity, .angle]
    }

    /// Default `.factory`.
    public var contents: Contents
    /// Written in the acceleration packet's fourth word. Default 25 C.
    public var temperature: Double
    /// Written in the angular velocity packet's fourth word, hundredths of a volt. Default 330.
    public var voltageWord: Int16
    /// Written in the angle packet's fourth word. Default 0.
    public var versionWord: Int16

    public init(contents: Contents = .factory, temperature: Double = 25, voltageWord: Int16 = 330,
                versionWord: Int16 = 0) {
        self.contents = contents
        self.temperature = temperature
        self.voltageWord = voltageWord
        self.versionWord = versionWord
    }

    /// One standard-protocol packet: header, type, four words, checksum.
    public static func packet(type: UInt8, words: (Int16, Int16, Int16, Int16)) -> [UInt8] {
        var bytes: [UInt8] = [WitMotionPacketType.header, type]
        for word in [words.0, words.1, words.2, words.3] {
            let bits = UInt16(bitPattern: word)
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
        }
        bytes.append(WitMotionPacketType.checksum(bytes, from: 0))
        return bytes
    }

    /// The angles a sample is reported with: from its quaternion, else roll and pitch from
    /// gravity.
    public static func angles(of sample: IMUSample) -> WitMotionAngles {
        if let q = sample.quaternion { return WitMotionAngles(q) }
        return WitMotionAngles(gravity: sample.accel)
    }

    /// The packets of one output period, in the sensor's order (ascending type).
    public func packets(for sample: IMUSample) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * WitMotionPacketType.packetLength)
        let a = WitMotionScale.accelerationG, g = WitMotionScale.angularVelocityDPS
        if contents.contains(.acceleration) {
            let t = Int16(saturating: temperature / WitMotionScale.temperatureCelsiusPerUnit, rounding: .toNearestOrAwayFromZero)
            bytes += Self.packet(type: WitMotionPacketType.acceleration.rawValue, words: (
                WitMotionScale.raw(sample.accel.x, fullScale: a), WitMotionScale.raw(sample.accel.y, fullScale: a),
                WitMotionScale.raw(sample.accel.z, fullScale: a), t))
        }
        if contents.contains(.angularVelocity) {
            bytes += Self.packet(type: WitMotionPacketType.angularVelocity.rawValue, words: (
                WitMotionScale.raw(sample.gyro.x, fullScale: g), WitMotionScale.raw(sample.gyro.y, fullScale: g),
                WitMotionScale.raw(sample.gyro.z, fullScale: g), voltageWord))
        }
        if contents.contains(.angle) {
            let r = WitMotionScale.angleDegrees
            let angles = Self.angles(of: sample)
            bytes += Self.packet(type: WitMotionPacketType.angle.rawValue, words: (
                WitMotionScale.raw(angles.roll, fullScale: r), WitMotionScale.raw(angles.pitch, fullScale: r),
                WitMotionScale.raw(angles.yaw, fullScale: r), versionWord))
        }
        if contents.contains(.quaternion) {
            let q = sample.quaternion ?? Self.angles(of: sample).quaternion
            let s = WitMotionScale.quaternion
            bytes += Self.packet(type: WitMotionPacketType.quaternion.rawValue, words: (
                WitMotionScale.raw(q.w, fullScale: s), WitMotionScale.raw(q.x, fullScale: s),
                WitMotionScale.raw(q.y, fullScale: s), WitMotionScale.raw(q.z, fullScale: s)))
        }
        return bytes
    }

    /// One BLE 5.0 data packet (`0x55 0x61`, acceleration, angular velocity, angles).
    public static func blePacket(for sample: IMUSample) -> [UInt8] {
        let a = WitMotionScale.accelerationG, g = WitMotionScale.angularVelocityDPS, r = WitMotionScale.angleDegrees
        let angles = Self.angles(of: sample)
        let words: [Int16] = [
            WitMotionScale.raw(sample.accel.x, fullScale: a), WitMotionScale.raw(sample.accel.y, fullScale: a),
            WitMotionScale.raw(sample.accel.z, fullScale: a),
            WitMotionScale.raw(sample.gyro.x, fullScale: g), WitMotionScale.raw(sample.gyro.y, fullScale: g),
            WitMotionScale.raw(sample.gyro.z, fullScale: g),
            WitMotionScale.raw(angles.roll, fullScale: r), WitMotionScale.raw(angles.pitch, fullScale: r),
            WitMotionScale.raw(angles.yaw, fullScale: r),
        ]
        return [0x55, WitMotionBLEDecoder.dataFlag] + littleEndian(words)
    }

    /// A BLE register reply to a quaternion read (`0x55 0x71 0x51 0x00` q0..q3, zero padding).
    public static func bleQuaternionReply(_ q: Quaternion) -> [UInt8] {
        let s = WitMotionScale.quaternion
        let words: [Int16] = [WitMotionScale.raw(q.w, fullScale: s), WitMotionScale.raw(q.x, fullScale: s),
                              WitMotionScale.raw(q.y, fullScale: s), WitMotionScale.raw(q.z, fullScale: s), 0, 0, 0, 0]
        return [0x55, WitMotionBLEDecoder.registerFlag, WitMotionBLEDecoder.quaternionRegister, 0x00] + littleEndian(words)
    }

    private static func littleEndian(_ words: [Int16]) -> [UInt8] {
        words.flatMap { word -> [UInt8] in
            let bits = UInt16(bitPattern: word)
            return [UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8)]
        }
    }
}
