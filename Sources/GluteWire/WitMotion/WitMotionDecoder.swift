/// Decodes the WitMotion standard serial protocol (WT901, JY901, HWT901B and kin).
///
/// Packets are 11 bytes: `0x55`, a type byte, four little-endian int16 words, and a checksum
/// (low byte of the sum of the first ten). Used types: 0x51 acceleration (+ temperature), 0x52
/// angular velocity, 0x53 angle, 0x59 quaternion; other valid types are counted in
/// `ignoredPackets`. A byte that cannot start a packet (not 0x55, or a type outside 0x50-0x5F)
/// or a packet whose checksum fails costs one byte: the decoder resumes at the next byte and
/// reports the bytes it skipped as one `.resync` anomaly when it finds a good packet again
/// (each checksum failure is also a `.checksum` anomaly).
///
/// Sample assembly: the sensor sends, every output period, one packet per enabled type in
/// ascending type order, starting with 0x51. An acceleration packet opens a sample; the
/// packets that follow fill in gyroscope and orientation. The decoder learns which types a
/// period holds (those seen between two acceleration packets) and emits the sample as soon as
/// all of them have arrived, so there is no extra period of latency; until it has learned that
/// (the first period), or when a packet is missing, the next acceleration packet emits it.
/// `finish` emits an open sample. A sample's time is the `hostTime` of the chunk that carried
/// its last packet. Values of types missing from a period are held from the last period
/// (the gyroscope is zero until the first 0x52: see `hasGyroscope`). The orientation is the
/// 0x59 quaternion when the sensor sends one, else the 0x53 angles turned into a quaternion.
public struct WitMotionDecoder: StreamDecoder {
    public let protocolName = "witmotion"
    public private(set) var statistics = DecoderStatistics()
    /// Checksum-valid packets of types this decoder does not use (time, magnetometer, GPS ...).
    public private(set) var ignoredPackets = 0
    /// Sensor temperature from the last acceleration packet, degrees Celsius.
    public private(set) var temperature: Double?
    /// The last angle packet's angles.
    public private(set) var angles: WitMotionAngles?
    /// Whether the stream carries angular velocity packets (false: samples have a zero gyro).
    public private(set) var hasGyroscope = false
    /// The packet types one output period holds, once learned (for `doctor` and tests).
    public var periodTypes: [WitMotionPacketType] {
        guard let expected = expectedTypes else { return [] }
        return WitMotionPacketType.allCases.filter { expected & Self.bit($0.rawValue) != 0 }
    }

    private var buffer: [UInt8] = []
    private var skippedBytes = 0
    private var accel = Vector3.zero
    private var gyro = Vector3.zero
    private var packetQuaternion: Quaternion?
    private var angleQuaternion: Quaternion?
    private var sampleOpen = false
    private var sampleTypes: UInt16 = 0
    private var sampleHostTime = 0.0
    private var typesSinceAcceleration: UInt16 = 0
    private var sawAcceleration = false
    private var expectedTypes: UInt16?

    /// Chunks are copied into the work buffer this many bytes at a time, bounding its size.
    private static let sliceLength = 64
    private static let usedTypes: UInt16 = bit(0x51) | bit(0x52) | bit(0x53) | bit(0x59)

    public init() {
        buffer.reserveCapacity(Self.sliceLength + WitMotionPacketType.packetLength)
    }

    @inline(__always)
    private static func bit(_ type: UInt8) -> UInt16 { 1 << UInt16(type & 0x0F) }

    public mutating func feed(_ bytes: ArraySlice<UInt8>, hostTime: Double, emit: (DecoderOutput) -> Void) {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let end = min(index + Self.sliceLength, bytes.endIndex)
            buffer.append(contentsOf: bytes[index..<end])
            index = end
            scan(hostTime: hostTime, emit: emit)
        }
    }

    public mutating func finish(hostTime: Double, emit: (DecoderOutput) -> Void) {
        // A truncated packet at the end is skipped bytes.
        skippedBytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
        reportSkipped(emit)
        if sampleOpen { emitSample(emit) }
    }

    private mutating func scan(hostTime: Double, emit: (DecoderOutput) -> Void) {
        let length = WitMotionPacketType.packetLength
        var start = 0
        while start < buffer.count {
            let available = buffer.count - start
            guard buffer[start] == WitMotionPacketType.header else {
                skippedBytes += 1
                start += 1
                continue
            }
            guard available >= 2 else { break }
            guard WitMotionPacketType.validRange.contains(buffer[start + 1]) else {
                skippedBytes += 1
                start += 1
                continue
            }
            guard available >= length else { break }
            guard WitMotionPacketType.checksum(buffer, from: start) == buffer[start + length - 1] else {
                record(DecoderAnomaly(.checksum, detail: "packet type 0x\(hex2(buffer[start + 1]))"), emit)
                skippedBytes += 1
                start += 1
                continue
            }
            reportSkipped(emit)
            statistics.frames += 1
            handlePacket(at: start, hostTime: hostTime, emit: emit)
            start += length
        }
        buffer.removeFirst(start)
    }

    private mutating func handlePacket(at start: Int, hostTime: Double, emit: (DecoderOutput) -> Void) {
        let type = buffer[start + 1]
        let w0 = WitMotionScale.word(buffer, start + 2)
        let w1 = WitMotionScale.word(buffer, start + 4)
        let w2 = WitMotionScale.word(buffer, start + 6)
        let w3 = WitMotionScale.word(buffer, start + 8)
        switch WitMotionPacketType(rawValue: type) {
        case .acceleration:
            if sampleOpen { emitSample(emit) }
            if sawAcceleration { expectedTypes = typesSinceAcceleration }
            sawAcceleration = true
            typesSinceAcceleration = 0
            let fullScale = WitMotionScale.accelerationG
            accel = Vector3(WitMotionScale.value(w0, fullScale: fullScale), WitMotionScale.value(w1, fullScale: fullScale),
                            WitMotionScale.value(w2, fullScale: fullScale))
            temperature = Double(w3) * WitMotionScale.temperatureCelsiusPerUnit
            sampleOpen = true
            sampleTypes = 0
        case .angularVelocity:
            let fullScale = WitMotionScale.angularVelocityDPS
            gyro = Vector3(WitMotionScale.value(w0, fullScale: fullScale), WitMotionScale.value(w1, fullScale: fullScale),
                           WitMotionScale.value(w2, fullScale: fullScale))
            hasGyroscope = true
        case .angle:
            let fullScale = WitMotionScale.angleDegrees
            let reported = WitMotionAngles(roll: WitMotionScale.value(w0, fullScale: fullScale),
                                           pitch: WitMotionScale.value(w1, fullScale: fullScale),
                                           yaw: WitMotionScale.value(w2, fullScale: fullScale))
            angles = reported
            angleQuaternion = reported.quaternion
        case .quaternion:
            let fullScale = WitMotionScale.quaternion
            packetQuaternion = Quaternion(w: WitMotionScale.value(w0, fullScale: fullScale),
                                          x: WitMotionScale.value(w1, fullScale: fullScale),
                                          y: WitMotionScale.value(w2, fullScale: fullScale),
                                          z: WitMotionScale.value(w3, fullScale: fullScale))
        default:
            ignoredPackets += 1
            return
        }
        let typeBit = Self.bit(type)
        typesSinceAcceleration |= typeBit
        guard sampleOpen else { return }
        sampleTypes |= typeBit
        sampleHostTime = hostTime
        if let expected = expectedTypes, sampleTypes & expected == expected {
            emitSample(emit)
        }
    }

    private mutating func emitSample(_ emit: (DecoderOutput) -> Void) {
        sampleOpen = false
        statistics.samples += 1
        let sample = IMUSample(time: sampleHostTime, accel: accel, gyro: gyro, mag: nil,
                               quaternion: packetQuaternion ?? angleQuaternion)
        emit(.sample(.imu(sample)))
    }

    private mutating func reportSkipped(_ emit: (DecoderOutput) -> Void) {
        guard skippedBytes > 0 else { return }
        record(DecoderAnomaly(.resync, count: skippedBytes, detail: "skipped \(skippedBytes) bytes to the next packet"), emit)
        skippedBytes = 0
    }

    private mutating func record(_ anomaly: DecoderAnomaly, _ emit: (DecoderOutput) -> Void) {
        statistics.record(anomaly)
        emit(.anomaly(anomaly))
    }
}
