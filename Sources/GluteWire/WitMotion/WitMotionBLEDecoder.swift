/// Decodes the notifications of WitMotion's Bluetooth 5.0 sensors (WT901BLECL, BWT901BLE5.0).
///
/// Packets are 20 bytes: `0x55 0x61` then acceleration, angular velocity and angle (x, y, z
/// each; roll, pitch, yaw for the angle) as little-endian int16 words, with the scales of the
/// serial protocol. `0x55 0x71` packets answer register reads (`0x55 0x71 REG 0x00` + 16 bytes);
/// a quaternion read (register 0x51) is used, others are counted in `ignoredPackets`.
///
/// Packets are reassembled across and within notifications: chunk boundaries do not matter.
/// There is no checksum, so after bytes had to be skipped (a header that is not `0x55 0x61` or
/// `0x55 0x71`) a candidate packet is only accepted once the byte after it is a `0x55` too (or
/// the stream ends); in step, packets are accepted at once. Skipped bytes are reported as one
/// `.resync` anomaly when the decoder is back in step.
///
/// One `IMUSample` per 0x61 packet, stamped with the `hostTime` of the chunk that completed it;
/// its quaternion comes from the angles (or from the last quaternion register read, if newer).
public struct WitMotionBLEDecoder: StreamDecoder {
    public let protocolName = "witmotion-ble"
    public private(set) var statistics = DecoderStatistics()
    /// Register replies other than the quaternion.
    public private(set) var ignoredPackets = 0
    /// The last packet's angles.
    public private(set) var angles: WitMotionAngles?

    public static let packetLength = 20
    public static let dataFlag: UInt8 = 0x61
    public static let registerFlag: UInt8 = 0x71
    /// The register holding q0 (w); q1..q3 follow.
    public static let quaternionRegister: UInt8 = 0x51

    private var buffer: [UInt8] = []
    private var skippedBytes = 0
    private var inStep = true
    private var registerQuaternion: Quaternion?

    private static let sliceLength = 64

    public init() {
        buffer.reserveCapacity(Self.sliceLength + Self.packetLength + 1)
    }

    public mutating func feed(_ bytes: ArraySlice<UInt8>, hostTime: Double, emit: (DecoderOutput) -> Void) {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let end = min(index + Self.sliceLength, bytes.endIndex)
            buffer.append(contentsOf: bytes[index..<end])
            index = end
            scan(atEnd: false, hostTime: hostTime, emit: emit)
        }
    }

    public mutating func finish(hostTime: Double, emit: (DecoderOutput) -> Void) {
        scan(atEnd: true, hostTime: hostTime, emit: emit)
        skippedBytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
        reportSkipped(emit)
    }

    private mutating func scan(atEnd: Bool, hostTime: Double, emit: (DecoderOutput) -> Void) {
        var start = 0
        while start < buffer.count {
            let available = buffer.count - start
            guard buffer[start] == 0x55 else {
                skip(&start)
                continue
            }
            guard available >= 2 else { break }
            let flag = buffer[start + 1]
            guard flag == Self.dataFlag || flag == Self.registerFlag else {
                skip(&start)
                continue
            }
            guard available >= Self.packetLength else { break }
            if !inStep {
                if available == Self.packetLength {
                    guard atEnd else { break }
                } else if buffer[start + Self.packetLength] != 0x55 {
                    skip(&start)
                    continue
                }
            }
            inStep = true
            reportSkipped(emit)
            statistics.frames += 1
            handlePacket(at: start, hostTime: hostTime, emit: emit)
            start += Self.packetLength
        }
        buffer.removeFirst(start)
    }

    private mutating func skip(_ start: inout Int) {
        skippedBytes += 1
        start += 1
        inStep = false
    }

    private mutating func handlePacket(at start: Int, hostTime: Double, emit: (DecoderOutput) -> Void) {
        func word(_ index: Int) -> Int16 { WitMotionScale.word(buffer, start + 2 + 2 * index) }
        if buffer[start + 1] == Self.registerFlag {
            guard buffer[start + 2] == Self.quaternionRegister, buffer[start + 3] == 0 else {
                ignoredPackets += 1
                return
            }
            // Register reply: REG, 0x00, then the register values from word 1 on.
            registerQuaternion = Quaternion(w: WitMotionScale.value(word(1), fullScale: WitMotionScale.quaternion),
                                            x: WitMotionScale.value(word(2), fullScale: WitMotionScale.quaternion),
                                            y: WitMotionScale.value(word(3), fullScale: WitMotionScale.quaternion),
                                            z: WitMotionScale.value(word(4), fullScale: WitMotionScale.quaternion))
            return
        }
        let a = WitMotionScale.accelerationG, g = WitMotionScale.angularVelocityDPS, r = WitMotionScale.angleDegrees
        let accel = Vector3(WitMotionScale.value(word(0), fullScale: a), WitMotionScale.value(word(1), fullScale: a),
                            WitMotionScale.value(word(2), fullScale: a))
        let gyro = Vector3(WitMotionScale.value(word(3), fullScale: g), WitMotionScale.value(word(4), fullScale: g),
                           WitMotionScale.value(word(5), fullScale: g))
        let reported = WitMotionAngles(roll: WitMotionScale.value(word(6), fullScale: r),
                                       pitch: WitMotionScale.value(word(7), fullScale: r),
                                       yaw: WitMotionScale.value(word(8), fullScale: r))
        angles = reported
        // A quaternion read is newer than the angles only until the next data packet.
        let quaternion = registerQuaternion ?? reported.quaternion
        registerQuaternion = nil
        statistics.samples += 1
        emit(.sample(.imu(IMUSample(time: hostTime, accel: accel, gyro: gyro, mag: nil, quaternion: quaternion))))
    }

    private mutating func reportSkipped(_ emit: (DecoderOutput) -> Void) {
        guard skippedBytes > 0 else { return }
        let anomaly = DecoderAnomaly(.resync, count: skippedBytes, detail: "skipped \(skippedBytes) bytes to the next packet")
        statistics.record(anomaly)
        emit(.anomaly(anomaly))
        skippedBytes = 0
    }
}
