import GluteWire

/// What the simulated firmware is and how it batches: the fields of its device info.
public struct FirmwareSettings: Sendable, Equatable {
    /// Samples per IMU frame; a 100 Hz sensor sending 5 per frame sends 20 frames a second.
    public var imuBatch: Int = 5
    /// Samples per pressure frame.
    public var pressureBatch: Int = 1
    public var accelRangeG: UInt8 = 8
    /// Set when the source's samples carry a magnetometer; the field then travels at 0.1 uT.
    public var magnetometer = false
    public var gyroRangeDPS: UInt16 = 2000
    public var imuRateHz: Double = 100
    public var pressureRateHz: Double = 20
    /// Seat cells in mm from the centre (x forward, y left); empty for an IMU alone.
    public var cells: [DeviceInfo.Cell] = []
    public var serial = "SIM-0001"
    public var name = "GluteBridge virtual sensor"
    /// Status frames (battery, flags) this often, in simulated seconds.
    public var statusInterval: Double = 1

    public init() {}
}

/// Firmware in software: turns a sample stream into the native protocol's serial bytes, as a real
/// sensor would: device info first, samples in batches, a status frame every second, and answers
/// to host commands (ping, get info, start/stop, set rate, tare).
public struct SimulatedFirmware<Source: SampleSource>: Sendable {
    /// Bytes the device sends, and the simulated time at which they leave it.
    public struct Output: Sendable, Equatable {
        public var time: Double
        public var bytes: [UInt8]
    }

    public private(set) var settings: FirmwareSettings
    public private(set) var streaming = true
    private var source: Source
    private var encoder = NativeEncoder()
    private var commandReader = NativeFrameReader()
    private var pendingReplies: [NativeMessage] = []
    private var imu: [IMUBatch.Raw] = []
    private var imuStart = 0.0
    private var imuHasQuaternion = false
    private var imuHasMagnetometer = false
    private var pressure: [UInt16] = []
    private var pressureStart = 0.0
    private var pressureCount = 0
    private var nextStatus = 0.0
    private var now = 0.0
    private var sentInfo = false
    private var finished = false

    public init(source: Source, settings: FirmwareSettings = FirmwareSettings()) {
        self.source = source
        self.settings = settings
    }

    public var deviceInfo: DeviceInfo {
        var sensors: DeviceInfo.Sensors = [.accelerometer, .gyroscope]
        if !settings.cells.isEmpty { sensors.insert(.pressure) }
        if settings.magnetometer { sensors.insert(.magnetometer) }
        return DeviceInfo(firmwareMajor: 1, firmwareMinor: 0, firmwarePatch: 0, sensors: sensors,
                          accelRangeG: settings.accelRangeG, gyroRangeDPS: settings.gyroRangeDPS,
                          magRangeMicrotesla: settings.magnetometer ? 3276 : 0, imuRateHz: UInt16(saturating: settings.imuRateHz, rounding: .toNearestOrAwayFromZero),
                          pressureRateHz: settings.cells.isEmpty ? 0 : UInt16(saturating: settings.pressureRateHz, rounding: .toNearestOrAwayFromZero),
                          mount: [1, 2, 3], cells: settings.cells, serial: settings.serial, name: settings.name)
    }

    /// Bytes from the host: commands are answered on the next `next()`. Anything that is not a
    /// valid command frame is ignored, as firmware must.
    public mutating func receive(_ bytes: [UInt8]) {
        var index = 0
        while let event = commandReader.read(bytes[...], from: &index) {
            guard case .frame(let frame) = event,
                  case .device(.command(let command))? = try? NativeMessage(type: frame.type, payload: frame.payload[...]) else { continue }
            handle(command, type: frame.type, sequence: frame.sequence)
        }
    }

    private mutating func handle(_ command: HostCommand, type: UInt8, sequence: UInt16) {
        switch command {
        case .ping, .tare: break
        case .getInfo: pendingReplies.append(.device(.info(deviceInfo)))
        case .startStreaming: streaming = true
        case .stopStreaming: streaming = false
        case .setRate(let imuHz, let pressureHz):
            // The virtual sensor's physics run at a fixed rate; it says so rather than pretend.
            let imuChange = imuHz != 0 && Double(imuHz) != settings.imuRateHz
            let pressureChange = pressureHz != 0 && Double(pressureHz) != settings.pressureRateHz
            if imuChange || pressureChange {
                pendingReplies.append(.device(.nak(NegativeAcknowledgement(command: type, sequence: sequence,
                                                                           reason: NegativeAcknowledgement.Reason.unsupported.rawValue))))
                return
            }
        }
        pendingReplies.append(.device(.ack(Acknowledgement(command: type, sequence: sequence))))
    }

    /// The next burst of bytes the device sends, or nil when the source has ended and everything
    /// has been flushed.
    public mutating func next() -> Output? {
        var out: [UInt8] = []
        if !sentInfo {
            sentInfo = true
            encoder.encode(.device(.info(deviceInfo)), timeMicros: micros(0), into: &out)
        }
        for reply in pendingReplies {
            encoder.encode(reply, timeMicros: micros(now), into: &out)
        }
        pendingReplies.removeAll()
        while out.count < 16 {
            guard !finished else { break }
            guard let sample = source.next() else {
                finished = true
                flushIMU(into: &out)
                flushPressure(into: &out)
                break
            }
            now = sample.time
            if now >= nextStatus {
                nextStatus = now + settings.statusInterval
                encoder.encode(.device(.status(status)), timeMicros: micros(now), into: &out)
            }
            guard streaming else { continue }
            switch sample {
            case .imu(let s):
                if imu.isEmpty {
                    imuStart = s.time
                    imuHasQuaternion = s.quaternion != nil
                    imuHasMagnetometer = s.mag != nil
                }
                imu.append(IMUBatch.raw(of: s, accelRangeG: settings.accelRangeG, gyroRangeDPS: settings.gyroRangeDPS))
                if imu.count >= min(settings.imuBatch, IMUBatch.capacity(magnetometer: imuHasMagnetometer, quaternion: imuHasQuaternion)) {
                    flushIMU(into: &out)
                }
            case .pressure(let p):
                if pressureCount == 0 { pressureStart = p.time }
                pressure.append(contentsOf: p.cells.map(PressureBatch.counts))
                pressureCount += 1
                if pressureCount >= min(settings.pressureBatch, PressureBatch.capacity(cells: p.cells.count)) {
                    flushPressure(into: &out)
                }
            }
        }
        return out.isEmpty ? nil : Output(time: now, bytes: out)
    }

    private var status: DeviceStatus {
        // A battery that drains 1 % every 10 simulated minutes, so long demos show it moving.
        let percent = UInt8(max(5, 100 - Int(saturating: now / 600)))
        return DeviceStatus(batteryPercent: percent, batteryMillivolts: UInt16(3300 + Int(percent) * 9),
                            flags: streaming ? [.streaming] : [], temperature: 31.5)
    }

    private mutating func flushIMU(into out: inout [UInt8]) {
        guard !imu.isEmpty else { return }
        let interval = UInt16(saturating: 1_000_000 / settings.imuRateHz, rounding: .toNearestOrAwayFromZero)
        let batch = IMUBatch(intervalMicros: interval, accelRangeG: settings.accelRangeG, gyroRangeDPS: settings.gyroRangeDPS,
                             hasMagnetometer: imuHasMagnetometer, hasQuaternion: imuHasQuaternion, samples: imu)
        encoder.encode(.imu(batch), timeMicros: micros(imuStart), into: &out)
        imu.removeAll(keepingCapacity: true)
    }

    private mutating func flushPressure(into out: inout [UInt8]) {
        guard pressureCount > 0 else { return }
        let interval = UInt16(saturating: 1_000_000 / settings.pressureRateHz, rounding: .toNearestOrAwayFromZero)
        let cells = pressure.count / pressureCount
        encoder.encode(.pressure(PressureBatch(intervalMicros: interval, cellCount: cells, loads: pressure)),
                       timeMicros: micros(pressureStart), into: &out)
        pressure.removeAll(keepingCapacity: true)
        pressureCount = 0
    }

    /// The device clock: microseconds since power-on, wrapping like real firmware's.
    private func micros(_ t: Double) -> UInt32 {
        UInt32(truncatingIfNeeded: Int64(saturating: t * 1_000_000, rounding: .toNearestOrAwayFromZero))
    }
}
