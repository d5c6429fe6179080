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

    public init() {}

    public mutating func feed(_ bytes: ArraySlice<UInt8>, hostTime: Double, emit: (DecoderOutput) -> Void) {
        var index = bytes.startIndex
        while let event = reader.read(bytes, from: &index) {
            switch event {
            case .frame(let frame): process(frame, emit: emit)
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
        } catch {
            report(DecoderAnomaly(.malformed, detail: "notification of \(body.count) bytes is not a frame (\(error))"), emit)
        }
    }

    /// Handles one frame whose integrity is established: from serial after the CRC, or a BLE
    /// notification (`NativeFrame(body:hasCRC: false)`).
    public mutating func process(_ frame: NativeFrame, emit: (DecoderOutput) -> Void) {
        statistics.frames += 1
        let lost = sequence.lost(before: frame.sequence)
        if lost > 0 {
            report(DecoderAnomaly(.gap, count: lost, detail: "sequence jumped to \(frame.sequence)"), emit)
        }
        guard frame.major == NativeFrame.supportedMajor else {
            report(DecoderAnomaly(.unsupportedVersion, detail: "protocol \(frame.major).\(frame.version & 0x0F)"), emit)
            return
        }
        let micros = clock.micros(for: frame.timeMicros)
        let message: NativeMessage
        do {
            message = try NativeMessage(type: frame.type, payload: frame.payload[...])
        } catch {
            report(DecoderAnomaly(.malformed, detail: "payload of type 0x\(hex2(frame.type)) does not match its layout"), emit)
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
