/// The streaming decoder of the native protocol: bytes in any chunking, samples with units out.
///
/// Frames are found between 0x00 delimiters. A block that fails COBS, the length checks or the
/// CRC is reported and skipped; the next delimiter starts afresh, so one corrupt byte costs at
/// most the frame it landed in. Sequence gaps, unknown types and foreign major versions are
/// reported and counted too; nothing is dropped silently.
public struct NativeDecoder: StreamDecoder {
    public let protocolName = "native"
    public private(set) var statistics = DecoderStatistics()
    /// The last device info the device sent, for ranges, rates and the cushion layout.
    public private(set) var deviceInfo: DeviceInfo?

    private var reader = NativeFrameReader()
    private var clock = DeviceClock()
    private var sequence = SequenceTracker()
    /// The cells of the pressure sample last emitted (see `emitPressureBatch`).
    private var cellBuffer: [Double] = []
    /// A copy of the last frame body that was neither an IMU nor a pressure batch (device info,
    /// status, marker...), for the message parser, which reads array slices; reused, so such a
    /// frame allocates nothing either.
    private var messageBody: [UInt8] = []

    public init() {}

    public mutating func feed(_ bytes: ArraySlice<UInt8>, hostTime: Double, emit: (DecoderOutput) -> Void) {
        var index = bytes.startIndex
        while let event = reader.readBody(bytes, from: &index) {
            switch event {
            case .body(let body): processBody(body, emit: emit)
            case .anomaly(let anomaly): report(anomaly, emit)
            }
        }
    }

    /// A frame cut off by the end of the stream is reported, not guessed at.
    public mutating func finish(hostTime: Double, emit: (DecoderOutput) -> Void) {
        if let a = reader.finish() {
            statistics.record(a)
            emit(.anomaly(a))
        }
    }

    /// Forget sequence numbers (after a reconnect the device may have restarted); the clock and the
    /// statistics carry on.
    public mutating func resetLink() {
        sequence.reset()
        reader.reset()
    }

    /// Handles one BLE notification of the native GATT profile: a frame body (header and payload)
    /// without COBS, delimiter or CRC, since the link layer checked it.
    public mutating func processNotification(_ body: ArraySlice<UInt8>, emit: (DecoderOutput) -> Void) {
        do {
            process(try NativeFrame(body: body, hasCRC: false), emit: emit)
        } catch .tooLong(let size) {
            report(DecoderAnomaly(.oversized, detail: "notification of \(size) bytes"), emit)
        } catch .tooShort(let size) {
            // Not `\(error)`: printing an enum goes through reflection, a hundred times dearer
            // than the frame, and a noisy link sends many of these.
            report(DecoderAnomaly(.malformed, detail: "notification of \(size) bytes is shorter than a frame header"), emit)
        } catch {
            // A notification carries no CRC, so no other parse error can occur.
            report(DecoderAnomaly(.malformed, detail: "notification of \(body.count) bytes is not a frame"), emit)
        }
    }

    /// Handles one frame whose integrity is established: from serial after the CRC, or a BLE
    /// notification (`NativeFrame(body:hasCRC: false)`).
    public mutating func process(_ frame: NativeFrame, emit: (DecoderOutput) -> Void) {
        process(version: frame.version, type: frame.type, sequence: frame.sequence, timeMicros: frame.timeMicros,
                payload: frame.payload[...], emit: emit)
    }

    /// `process(_:)` on a frame's fields, so that a frame read in place needs no `NativeFrame`.
    private mutating func process(version: UInt8, type: UInt8, sequence sequenceNumber: UInt16, timeMicros: UInt32,
                                  payload: ArraySlice<UInt8>, emit: (DecoderOutput) -> Void) {
        guard let micros = admit(version: version, sequence: sequenceNumber, timeMicros: timeMicros, emit: emit) else { return }
        let message: NativeMessage
        do {
            message = try NativeMessage(type: type, payload: payload)
        } catch {
            report(DecoderAnomaly(.malformed, detail: "payload of type 0x\(hex2(type)) does not match its layout"), emit)
            return
        }
        switch message {
        case .imu(let batch):
            for i in batch.samples.indices {
                let t = Double(micros + Int64(i) * Int64(batch.intervalMicros)) / 1_000_000
                statistics.samples += 1
                emit(.sample(.imu(batch.sample(at: i, time: t))))
            }
        case .pressure(let batch):
            for i in 0..<batch.count {
                let t = Double(micros + Int64(i) * Int64(batch.intervalMicros)) / 1_000_000
                statistics.samples += 1
                emit(.sample(.pressure(batch.sample(at: i, time: t))))
            }
        case .device(let m):
            if case .info(let info) = m { deviceInfo = info }
            statistics.messages += 1
            emit(.message(time: Double(micros) / 1_000_000, m))
        case .unknown(let type, _):
            report(DecoderAnomaly(.unknownType, detail: "type 0x\(hex2(type)) skipped"), emit)
        }
    }

    /// A serial frame body (CRC checked) read in place: IMU and pressure batches, nearly every
    /// frame of a stream, go from the body's bytes straight to samples without a `NativeFrame`,
    /// a `NativeMessage` or a batch in between (no allocation but a cushion sample's cells);
    /// other types take `process(_:)`. Both give the same outputs, anomalies and counts.
    private mutating func processBody(_ body: UnsafeBufferPointer<UInt8>, emit: (DecoderOutput) -> Void) {
        let frame = UnsafeBufferPointer(rebasing: body.dropLast(NativeFrame.crcSize))
        let type = frame[1]
        let version = frame[0]
        let sequenceNumber = UInt16(frame[2]) | UInt16(frame[3]) << 8
        let timeMicros = UInt32(frame[4]) | UInt32(frame[5]) << 8 | UInt32(frame[6]) << 16 | UInt32(frame[7]) << 24
        guard type == MessageType.imuBatch.rawValue || type == MessageType.quaternionBatch.rawValue
                || type == MessageType.pressureBatch.rawValue else {
            messageBody.removeAll(keepingCapacity: true)
            messageBody.append(contentsOf: frame[NativeFrame.headerSize...])
            process(version: version, type: type, sequence: sequenceNumber, timeMicros: timeMicros,
                    payload: messageBody[...], emit: emit)
            return
        }
        guard let micros = admit(version: version, sequence: sequenceNumber, timeMicros: timeMicros, emit: emit) else { return }
        let payload = UnsafeBufferPointer(rebasing: frame[NativeFrame.headerSize...])
        let decoded = type == MessageType.pressureBatch.rawValue
            ? emitPressureBatch(payload, micros: micros, emit: emit)
            : emitIMUBatch(payload, hasQuaternion: type == MessageType.quaternionBatch.rawValue, micros: micros, emit: emit)
        if !decoded {
            report(DecoderAnomaly(.malformed, detail: "payload of type 0x\(hex2(type)) does not match its layout"), emit)
        }
    }

    /// A frame's header, counted whichever path read it: the sequence gap reported, the version
    /// checked, the device time unwrapped. nil when the frame's version is not ours.
    @inline(__always)
    private mutating func admit(version: UInt8, sequence sequenceNumber: UInt16, timeMicros: UInt32,
                                emit: (DecoderOutput) -> Void) -> Int64? {
        statistics.frames += 1
        let lost = sequence.lost(before: sequenceNumber)
        if lost > 0 {
            report(DecoderAnomaly(.gap, count: lost, detail: "sequence jumped to \(sequenceNumber)"), emit)
        }
        guard version >> 4 == NativeFrame.supportedMajor else {
            report(DecoderAnomaly(.unsupportedVersion, detail: "protocol \(version >> 4).\(version & 0x0F)"), emit)
            return nil
        }
        return clock.micros(for: timeMicros)
    }

    /// The samples of an IMU batch payload (layout in `IMUBatch`), with `IMUBatch`'s checks and
    /// arithmetic; false, emitting nothing, when the payload does not match its layout.
    private mutating func emitIMUBatch(_ p: UnsafeBufferPointer<UInt8>, hasQuaternion: Bool, micros: Int64,
                                       emit: (DecoderOutput) -> Void) -> Bool {
        guard p.count >= IMUBatch.headerSize else { return false }
        let count = Int(p[0])
        let hasMag = p[1] & 1 != 0
        let interval = Int64(UInt16(p[2]) | UInt16(p[3]) << 8)
        let accelRange = p[4]
        let gyroRange = UInt16(p[6]) | UInt16(p[7]) << 8
        let size = IMUBatch.sampleSize(magnetometer: hasMag, quaternion: hasQuaternion)
        guard count > 0, accelRange > 0, gyroRange > 0, p.count - IMUBatch.headerSize >= count * size else { return false }
        let a = Double(accelRange) / 32768
        let g = Double(gyroRange) / 32768
        // Little-endian 16-bit loads at offsets the guard above keeps inside the payload (so
        // wrapping arithmetic: no overflow check per field).
        let base = UnsafeRawPointer(p.baseAddress!)
        @inline(__always) func value(_ offset: Int) -> Double {
            Double(Int16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Int16.self)))
        }
        var offset = IMUBatch.headerSize
        for i in 0..<count {
            let t = Double(micros + Int64(i) * interval) / 1_000_000
            var sample = IMUSample(time: t,
                                   accel: Vector3(value(offset) * a, value(offset &+ 2) * a, value(offset &+ 4) * a),
                                   gyro: Vector3(value(offset &+ 6) * g, value(offset &+ 8) * g, value(offset &+ 10) * g))
            offset &+= 12
            if hasMag {
                let m = IMUBatch.magnetometerScale
                sample.mag = Vector3(value(offset) * m, value(offset &+ 2) * m, value(offset &+ 4) * m)
                offset &+= 6
            }
            if hasQuaternion {
                let q = IMUBatch.quaternionScale
                sample.quaternion = Quaternion(w: value(offset) * q, x: value(offset &+ 2) * q,
                                               y: value(offset &+ 4) * q, z: value(offset &+ 6) * q)
                offset &+= 8
            }
            statistics.samples += 1
            emit(.sample(.imu(sample)))
        }
        return true
    }

    /// The samples of a pressure batch payload (layout in `PressureBatch`); false, emitting
    /// nothing, when the payload does not match its layout. The cells are written into one buffer
    /// that each sample shares: no allocation per sample unless a receiver keeps the cells.
    private mutating func emitPressureBatch(_ p: UnsafeBufferPointer<UInt8>, micros: Int64, emit: (DecoderOutput) -> Void) -> Bool {
        guard p.count >= PressureBatch.headerSize else { return false }
        let count = Int(p[0])
        let cells = Int(p[1])
        let interval = Int64(UInt16(p[2]) | UInt16(p[3]) << 8)
        guard count > 0, cells > 0, p.count - PressureBatch.headerSize >= count * cells * 2 else { return false }
        var offset = PressureBatch.headerSize
        for i in 0..<count {
            let t = Double(micros + Int64(i) * interval) / 1_000_000
            if cellBuffer.count != cells { cellBuffer = [Double](repeating: 0, count: cells) }
            // Written in place when the previous sample's cells were let go (copied otherwise).
            let start = offset
            cellBuffer.withUnsafeMutableBufferPointer { buffer in
                for cell in 0..<cells {
                    buffer[cell] = Double(UInt16(p[start + 2 * cell]) | UInt16(p[start + 2 * cell + 1]) << 8)
                }
            }
            offset += 2 * cells
            statistics.samples += 1
            emit(.sample(.pressure(PressureSample(time: t, cells: cellBuffer))))
        }
        return true
    }

    private mutating func report(_ anomaly: DecoderAnomaly, _ emit: (DecoderOutput) -> Void) {
        statistics.record(anomaly)
        emit(.anomaly(anomaly))
    }
}

func hex2(_ v: UInt8) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return s.count < 2 ? "0" + s : s
}

func hex4(_ v: UInt16) -> String {
    var s = String(v, radix: 16, uppercase: true)
    while s.count < 4 { s = "0" + s }
    return "0x" + s
}
