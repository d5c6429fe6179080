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

    private var block: [UInt8] = []
    private var frameBytes: [UInt8] = []
    private var discarding = 0
    private var sawDelimiter = false
    private var clock = DeviceClock()
    private var sequence = SequenceTracker()

    public init() {
        block.reserveCapacity(NativeFrame.maxEncodedFrame)
        frameBytes.reserveCapacity(NativeFrame.maxFrame)
    }

    public mutating func feed(_ bytes: ArraySlice<UInt8>, hostTime: Double, emit: (DecoderOutput) -> Void) {
        for byte in bytes {
            if byte == 0 {
                endOfBlock(emit: emit)
            } else if discarding > 0 {
                discarding += 1
            } else {
                block.append(byte)
                if block.count > NativeFrame.maxEncodedFrame {
                    discarding = block.count
                    block.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    /// A frame cut off by the end of the stream is reported, not guessed at.
    public mutating func finish(hostTime: Double, emit: (DecoderOutput) -> Void) {
        if discarding > 0 || !block.isEmpty {
            report(DecoderAnomaly(.resync, count: discarding + block.count, detail: "stream ended inside a frame"), emit)
        }
        discarding = 0
        block.removeAll(keepingCapacity: true)
    }

    /// Forget sequence numbers (after a reconnect the device may have restarted); the clock and the
    /// statistics carry on.
    public mutating func resetLink() {
        sequence.reset()
        block.removeAll(keepingCapacity: true)
        discarding = 0
        sawDelimiter = false
    }

    private mutating func endOfBlock(emit: (DecoderOutput) -> Void) {
        defer {
            block.removeAll(keepingCapacity: true)
            sawDelimiter = true
        }
        if discarding > 0 {
            report(DecoderAnomaly(.oversized, count: 1, detail: "no delimiter within \(NativeFrame.maxEncodedFrame) bytes"), emit)
            report(DecoderAnomaly(.resync, count: discarding, detail: "skipped to the next delimiter"), emit)
            discarding = 0
            return
        }
        if block.isEmpty { return }
        if !sawDelimiter {
            // The tail of a frame that was on the wire before we started listening.
            report(DecoderAnomaly(.resync, count: block.count, detail: "partial frame before the first delimiter"), emit)
            return
        }
        guard COBS.decode(block[...], into: &frameBytes) else {
            report(DecoderAnomaly(.malformed, detail: "invalid COBS block of \(block.count) bytes"), emit)
            return
        }
        let frame: NativeFrame
        do {
            frame = try NativeFrame(body: frameBytes[...])
        } catch {
            switch error {
            case .tooShort(let n): report(DecoderAnomaly(.malformed, detail: "frame of \(n) bytes is shorter than a header"), emit)
            case .tooLong(let n): report(DecoderAnomaly(.oversized, detail: "frame of \(n) bytes"), emit)
            case .crcMismatch(let expected, let found):
                report(DecoderAnomaly(.checksum, detail: "CRC \(hex4(found)), expected \(hex4(expected))"), emit)
            }
            return
        }
        process(frame, emit: emit)
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
