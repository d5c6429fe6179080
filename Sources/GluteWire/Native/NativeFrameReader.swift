/// Finds native frames in a serial byte stream: splits at 0x00 delimiters, undoes COBS, checks
/// lengths and the CRC. It knows nothing of message types; `NativeDecoder` builds on it, and so
/// does the simulated firmware that reads host commands.
public struct NativeFrameReader: Sendable {
    public enum Event: Sendable, Equatable {
        case frame(NativeFrame)
        case anomaly(DecoderAnomaly)
    }

    private var block: [UInt8] = []
    private var frameBytes: [UInt8] = []
    private var discarding = 0
    private var sawDelimiter = false

    public init() {
        block.reserveCapacity(NativeFrame.maxEncodedFrame)
        frameBytes.reserveCapacity(NativeFrame.maxFrame)
    }

    /// Consumes `bytes` from `index` up to and including the next byte that completes a frame or
    /// an anomaly, and returns it; nil once `bytes` is used up (state carries over to the next
    /// chunk). Pull-based, so callers handle each frame without re-entrancy.
    public mutating func read(_ bytes: ArraySlice<UInt8>, from index: inout Int) -> Event? {
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if byte == 0 {
                if let event = endOfBlock() { return event }
            } else if discarding > 0 {
                discarding += 1
            } else {
                block.append(byte)
                if block.count > NativeFrame.maxEncodedFrame {
                    discarding = block.count
                    block.removeAll(keepingCapacity: true)
                    return .anomaly(DecoderAnomaly(.oversized, detail: "no delimiter within \(NativeFrame.maxEncodedFrame) bytes"))
                }
            }
        }
        return nil
    }

    /// What the end of the stream leaves: a frame cut short, if any.
    public mutating func finish() -> DecoderAnomaly? {
        defer { reset() }
        let pending = discarding + block.count
        return pending > 0 ? DecoderAnomaly(.resync, count: pending, detail: "stream ended inside a frame") : nil
    }

    /// Start over as if newly connected (the next bytes may be the tail of a frame).
    public mutating func reset() {
        block.removeAll(keepingCapacity: true)
        discarding = 0
        sawDelimiter = false
    }

    private mutating func endOfBlock() -> Event? {
        defer {
            block.removeAll(keepingCapacity: true)
            sawDelimiter = true
        }
        if discarding > 0 {
            defer { discarding = 0 }
            return .anomaly(DecoderAnomaly(.resync, count: discarding, detail: "skipped to the next delimiter"))
        }
        if block.isEmpty { return nil }
        if !sawDelimiter {
            // The tail of a frame that was on the wire before we started listening.
            return .anomaly(DecoderAnomaly(.resync, count: block.count, detail: "partial frame before the first delimiter"))
        }
        guard COBS.decode(block[...], into: &frameBytes) else {
            return .anomaly(DecoderAnomaly(.malformed, detail: "invalid COBS block of \(block.count) bytes"))
        }
        do {
            return .frame(try NativeFrame(body: frameBytes[...]))
        } catch {
            switch error {
            case .tooShort(let n): return .anomaly(DecoderAnomaly(.malformed, detail: "frame of \(n) bytes is shorter than a header"))
            case .tooLong(let n): return .anomaly(DecoderAnomaly(.oversized, detail: "frame of \(n) bytes"))
            case .crcMismatch(let expected, let found):
                return .anomaly(DecoderAnomaly(.checksum, detail: "CRC \(hex4(found)), expected \(hex4(expected))"))
            }
        }
    }
}
