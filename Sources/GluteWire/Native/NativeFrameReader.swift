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
        frameBytes.reserveCapacity(NativeFrame.maxEncodedFrame)
    }

    /// What `readBody` finds.
    public enum BodyEvent: Sendable, Equatable {
        /// A frame body (header, payload, CRC) whose length and CRC are checked. A slice of the
        /// reader's own buffer: drop it before the next read, or that read copies the buffer.
        case body(ArraySlice<UInt8>)
        case anomaly(DecoderAnomaly)
    }

    /// Consumes `bytes` from `index` up to and including the next byte that completes a frame or
    /// an anomaly, and returns it; nil once `bytes` is used up (state carries over to the next
    /// chunk). Pull-based, so callers handle each frame without re-entrancy.
    public mutating func read(_ bytes: ArraySlice<UInt8>, from index: inout Int) -> Event? {
        switch readBody(bytes, from: &index) {
        case .body(let body)?: return .frame(NativeFrame(checkedContent: body.dropLast(NativeFrame.crcSize)))
        case .anomaly(let anomaly)?: return .anomaly(anomaly)
        case nil: return nil
        }
    }

    /// As `read`, without building a `NativeFrame`: the decoder reads samples from the body in
    /// place, so a frame costs no allocation.
    public mutating func readBody(_ bytes: ArraySlice<UInt8>, from index: inout Int) -> BodyEvent? {
        while index < bytes.endIndex {
            // The bytes up to the next delimiter are one run: skipped, or copied whole.
            let delimiter = NativeFrameReader.firstZero(in: bytes, from: index)
            let run = delimiter - index
            if discarding > 0 {
                discarding += run
                index = delimiter
            } else if block.count + run > NativeFrame.maxEncodedFrame {
                // Oversized at the byte that crosses the limit, as a byte-by-byte reader finds it.
                index += NativeFrame.maxEncodedFrame + 1 - block.count
                discarding = NativeFrame.maxEncodedFrame + 1
                block.removeAll(keepingCapacity: true)
                return .anomaly(DecoderAnomaly(.oversized, detail: "no delimiter within \(NativeFrame.maxEncodedFrame) bytes"))
            } else {
                block.append(contentsOf: bytes[index..<delimiter])
                index = delimiter
            }
            if index < bytes.endIndex {
                index += 1  // the delimiter
                if let event = endOfBlock() { return event }
            }
        }
        return nil
    }

    /// The index of the first 0x00 in `bytes` at or after `start`, or `bytes.endIndex`.
    @inline(__always)
    private static func firstZero(in bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            let base = bytes.startIndex
            var offset = start - base
            while offset < buffer.count && buffer[offset] != 0 { offset += 1 }
            return base + offset
        }
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

    private mutating func endOfBlock() -> BodyEvent? {
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
            _ = try NativeFrame.check(body: frameBytes[...], hasCRC: true)
            return .body(frameBytes[...])
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
