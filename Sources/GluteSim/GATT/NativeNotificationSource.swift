import GluteWire

/// How the native profile's firmware batches its notifications.
public struct NativeNotificationSettings: Sendable, Equatable {
    /// IMU samples per frame when the MTU allows; fewer when a frame would exceed MTU - 3 bytes.
    /// Default 5 (20 frames a second at 100 Hz).
    public var imuBatch = 5
    /// Pressure samples per frame, within the same MTU limit. Default 1.
    public var pressureBatch = 1
    /// A status frame this often, in simulated seconds. Default 1.
    public var statusInterval = 1.0

    public init() {}
}

/// The native profile's data characteristic: samples become native frames, header and payload
/// without COBS, delimiters or CRC, one frame per notification (firmware-protocol.md section 5).
///
/// Firmware streams only while the client has notifications on: device info goes first each
/// time they are enabled, then IMU batches sized so that a frame fits MTU - 3 bytes, pressure
/// batches and a status frame a second. Sequence numbers count frames actually sent, so a
/// decoder sees no gap across a resubscription. Host commands on the control characteristic are
/// answered on the data characteristic.
public struct NativeNotificationSource: Sendable {
    public let settings: NativeNotificationSettings
    public let deviceInfo: DeviceInfo
    public var battery = BatteryModel()
    /// Samples dropped because not even one fitted a frame at the link's MTU (an IMU sample needs
    /// an MTU of at least 31, 37 with a magnetometer).
    public private(set) var unsendableSamples = 0
    /// Frames that did not fit the MTU and were not sent (device info at a small MTU).
    public private(set) var unsendableFrames = 0
    /// Cleared by a stop streaming command, set by start streaming.
    public private(set) var streamingCommanded = true

    private var encoder = NativeEncoder()
    private var imu: [IMUBatch.Raw] = []
    private var imuStart = 0.0
    private var imuHasMagnetometer = false
    private var imuHasQuaternion = false
    private var pressure: [UInt16] = []
    private var pressureCount = 0
    private var pressureCells = 0
    private var pressureStart = 0.0
    private var nextStatus = 0.0
    private var now = 0.0

    public init(deviceInfo: DeviceInfo, settings: NativeNotificationSettings = NativeNotificationSettings()) {
        self.deviceInfo = deviceInfo
        self.settings = settings
        imu.reserveCapacity(IMUBatch.capacity(magnetometer: false, quaternion: false))
    }

    private func streaming(_ link: GATTLinkState) -> Bool { link.subscribed && streamingCommanded }

    /// Call after the client changed the data characteristic's configuration: enabling
    /// notifications makes the device announce itself.
    public mutating func subscriptionChanged(_ link: GATTLinkState) -> [GATTTimedValue] {
        guard streaming(link) else {
            discardBatches()
            return []
        }
        var out: [GATTTimedValue] = []
        emit(.device(.info(deviceInfo)), at: now, link, into: &out)
        nextStatus = now
        return out
    }

    /// One sample from the sensor; returns the frames it completes.
    public mutating func consume(_ sample: Sample, link: GATTLinkState) -> [GATTTimedValue] {
        now = sample.time
        guard streaming(link) else {
            discardBatches()
            return []
        }
        var out: [GATTTimedValue] = []
        if now >= nextStatus {
            nextStatus = now + settings.statusInterval
            emit(.device(.status(status(streaming: true))), at: now, link, into: &out)
        }
        switch sample {
        case .imu(let s):
            let magnetometer = s.mag != nil, quaternion = s.quaternion != nil
            if !imu.isEmpty && (magnetometer != imuHasMagnetometer || quaternion != imuHasQuaternion) {
                flushIMU(link, into: &out)
            }
            let capacity = min(settings.imuBatch, imuCapacity(link, magnetometer: magnetometer, quaternion: quaternion))
            guard capacity >= 1 else {
                unsendableSamples += 1
                return out
            }
            if imu.isEmpty {
                imuStart = s.time
                imuHasMagnetometer = magnetometer
                imuHasQuaternion = quaternion
            }
            imu.append(IMUBatch.raw(of: s, accelRangeG: deviceInfo.accelRangeG, gyroRangeDPS: deviceInfo.gyroRangeDPS))
            if imu.count >= capacity { flushIMU(link, into: &out) }
        case .pressure(let p):
            if pressureCount > 0 && p.cells.count != pressureCells { flushPressure(link, into: &out) }
            let capacity = min(settings.pressureBatch, pressureCapacity(link, cells: p.cells.count))
            guard capacity >= 1, !p.cells.isEmpty else {
                unsendableSamples += 1
                return out
            }
            if pressureCount == 0 {
                pressureStart = p.time
                pressureCells = p.cells.count
            }
            for cell in p.cells { pressure.append(PressureBatch.counts(cell)) }
            pressureCount += 1
            if pressureCount >= capacity { flushPressure(link, into: &out) }
        }
        return out
    }

    /// Flushes partial batches at the end of the stream.
    public mutating func finish(link: GATTLinkState) -> [GATTTimedValue] {
        guard streaming(link) else { return [] }
        var out: [GATTTimedValue] = []
        flushIMU(link, into: &out)
        flushPressure(link, into: &out)
        return out
    }

    /// A command written to the control characteristic (header + payload, no CRC). Answered on
    /// the data characteristic while notifications are on: an ack, a nak, or device info then an
    /// ack. Anything that is not a command frame is ignored, as firmware must.
    public mutating func control(_ body: [UInt8], link: GATTLinkState) -> [GATTTimedValue] {
        guard let frame = try? NativeFrame(body: body[...], hasCRC: false), frame.major == NativeFrame.supportedMajor,
              case .device(.command(let command))? = try? NativeMessage(type: frame.type, payload: frame.payload[...])
        else { return [] }
        var replies: [NativeMessage] = []
        let ack = NativeMessage.device(.ack(Acknowledgement(command: frame.type, sequence: frame.sequence)))
        switch command {
        case .ping, .tare: replies = [ack]
        case .getInfo: replies = [.device(.info(deviceInfo)), ack]
        case .startStreaming:
            streamingCommanded = true
            replies = [ack]
        case .stopStreaming:
            streamingCommanded = false
            discardBatches()
            replies = [ack]
        case .setRate(let imuHz, let pressureHz):
            // The virtual sensor's physics run at a fixed rate; it says so rather than pretend.
            let changes = (imuHz != 0 && imuHz != deviceInfo.imuRateHz) || (pressureHz != 0 && pressureHz != deviceInfo.pressureRateHz)
            replies = [changes
                ? .device(.nak(NegativeAcknowledgement(command: frame.type, sequence: frame.sequence,
                                                       reason: NegativeAcknowledgement.Reason.unsupported.rawValue)))
                : ack]
        }
        guard link.subscribed else { return [] }
        var out: [GATTTimedValue] = []
        for reply in replies { emit(reply, at: now, link, into: &out) }
        return out
    }

    private func status(streaming: Bool) -> DeviceStatus {
        DeviceStatus(batteryPercent: battery.percent(at: now), batteryMillivolts: battery.millivolts(at: now),
                     flags: streaming ? [.streaming] : [], temperature: 31.5)
    }

    /// The most IMU samples one frame carries at this MTU.
    func imuCapacity(_ link: GATTLinkState, magnetometer: Bool, quaternion: Bool) -> Int {
        let room = link.payloadLimit - NativeFrame.headerSize - IMUBatch.headerSize
        let fit = room / IMUBatch.sampleSize(magnetometer: magnetometer, quaternion: quaternion)
        return max(0, min(fit, IMUBatch.capacity(magnetometer: magnetometer, quaternion: quaternion)))
    }

    func pressureCapacity(_ link: GATTLinkState, cells: Int) -> Int {
        let room = link.payloadLimit - NativeFrame.headerSize - PressureBatch.headerSize
        return max(0, min(room / (2 * max(cells, 1)), PressureBatch.capacity(cells: cells)))
    }

    /// Encodes one frame stamped `stamp` (its first sample's time) that leaves the device now.
    private mutating func emit(_ message: NativeMessage, at stamp: Double, _ link: GATTLinkState, into out: inout [GATTTimedValue]) {
        let length = NativeFrame.headerSize + message.encode().count
        guard length <= link.payloadLimit else {
            unsendableFrames += 1
            return
        }
        out.append(GATTTimedValue(time: now, value: encoder.encodeNotification(message, timeMicros: Self.micros(stamp))))
    }

    private mutating func flushIMU(_ link: GATTLinkState, into out: inout [GATTTimedValue]) {
        guard !imu.isEmpty else { return }
        let interval = UInt16(saturating: 1_000_000 / Double(max(deviceInfo.imuRateHz, 1)), rounding: .toNearestOrAwayFromZero)
        let batch = IMUBatch(intervalMicros: interval, accelRangeG: deviceInfo.accelRangeG, gyroRangeDPS: deviceInfo.gyroRangeDPS,
                             hasMagnetometer: imuHasMagnetometer, hasQuaternion: imuHasQuaternion, samples: imu)
        // The header carries the first sample's time; the frame leaves once the last is taken.
        emit(.imu(batch), at: imuStart, link, into: &out)
        imu.removeAll(keepingCapacity: true)
    }

    private mutating func flushPressure(_ link: GATTLinkState, into out: inout [GATTTimedValue]) {
        guard pressureCount > 0 else { return }
        let interval = UInt16(saturating: 1_000_000 / Double(max(deviceInfo.pressureRateHz, 1)), rounding: .toNearestOrAwayFromZero)
        emit(.pressure(PressureBatch(intervalMicros: interval, cellCount: pressureCells, loads: pressure)), at: pressureStart, link, into: &out)
        pressure.removeAll(keepingCapacity: true)
        pressureCount = 0
    }

    private mutating func discardBatches() {
        imu.removeAll(keepingCapacity: true)
        pressure.removeAll(keepingCapacity: true)
        pressureCount = 0
    }

    /// The device clock: microseconds since power-on, wrapping like real firmware's.
    static func micros(_ t: Double) -> UInt32 {
        UInt32(truncatingIfNeeded: Int64(saturating: t * 1_000_000, rounding: .toNearestOrAwayFromZero))
    }
}
