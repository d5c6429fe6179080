/// Finds native frames in a serial byte stream: splits at 0x00 delimiters, undoes COBS, checks
/// lengths and the CRC. It knows nothing of message types; `NativeDecoder` builds on it, and so
/// does the simulated firmware that reads host commands.
///
/// No allocation per frame: a block that lies whole in the chunk is decoded from the chunk into
/// one buffer of the largest frame's size; a block split across chunks is gathered in that buffer
/// and decoded in place (COBS output never overtakes its input).
public struct NativeFrameReader: Sendable {
    public enum Event: Sendable, Equatable {
        case frame(NativeFrame)
        case anomaly(DecoderAnomaly)
    }

    /// What `readBody` finds.
    public enum BodyEvent {
        /// A frame body (header, payload, CRC) whose length and CRC are checked, in the reader's
        /// own memory: valid until the reader's next call. Memory rather than a slice of an
        /// array: a slice costs a retain and a release (atomic) each time it is made or dropped,
        /// three of each per frame, about 5 % of a replay's time.
        case body(UnsafeBufferPointer<UInt8>)
        case anomaly(DecoderAnomaly)
    }

    /// The block being gathered (its first `pending` bytes), then the decoded frame.
    private var buffer = FrameBuffer()
    /// Bytes of the current block gathered from earlier chunks.
    private var pending = 0
    private var discarding = 0
    private var sawDelimiter = false

    public init() {}

    /// Consumes `bytes` from `index` up to and including the next byte that completes a frame or
    /// an anomaly, and returns it; nil once `bytes` is used up (state carries over to the next
    /// chunk). Pull-based, so callers handle each frame without re-entrancy.
    public mutating func read(_ bytes: ArraySlice<UInt8>, from index: inout Int) -> Event? {
        switch readBody(bytes, from: &index) {
        case .body(let body)?: return .frame(NativeFrame(checkedContent: ArraySlice(body.dropLast(NativeFrame.crcSize))))
        case .anomaly(let anomaly)?: return .anomaly(anomaly)
        case nil: return nil
        }
    }

    /// As `read`, without building a `NativeFrame`: the decoder reads samples from the body in
    /// place, so a frame costs no allocation.
    public mutating func readBody(_ bytes: ArraySlice<UInt8>, from index: inout Int) -> BodyEvent? {
        bytes.withUnsafeBufferPointer { chunk in
            let base = bytes.startIndex
            var offset = index - base
            defer { index = base + offset }
            while offset < chunk.count {
                // The bytes up to the next delimiter are one run: skipped, decoded or gathered.
                let delimiter = NativeFrameReader.firstZero(in: chunk, from: offset)
                let run = delimiter - offset
                let complete = delimiter < chunk.count
                if discarding > 0 {
                    discarding += run
                } else if pending + run > NativeFrame.maxEncodedFrame {
                    // Oversized at the byte that crosses the limit, as a byte-by-byte reader finds it.
                    offset += NativeFrame.maxEncodedFrame + 1 - pending
                    discarding = NativeFrame.maxEncodedFrame + 1
                    pending = 0
                    return .anomaly(DecoderAnomaly(.oversized, detail: "no delimiter within \(NativeFrame.maxEncodedFrame) bytes"))
                } else if complete && pending == 0 {
                    // The whole block is in this chunk: decoded from where it lies.
                    offset = delimiter + 1
                    if let event = endOfBlock(UnsafeBufferPointer(rebasing: chunk[delimiter - run..<delimiter])) { return event }
                    continue
                } else if run > 0 {
                    makeBufferUnique()
                    (buffer.bytes + pending).update(from: chunk.baseAddress! + offset, count: run)
                    pending += run
                }
                offset = delimiter
                if complete {
                    offset += 1  // the delimiter
                    if let event = endOfBlock(nil) { return event }
                }
            }
            return nil
        }
    }

    /// The offset of the first 0x00 in `chunk` at or after `start`, or `chunk.count`: eight bytes
    /// at a time (a word has a zero byte exactly when `(w - 0x01..01) & ~w & 0x80..80` is not
    /// zero, and its lowest set bit marks the first one), the tail byte by byte.
    @inline(__always)
    static func firstZero(in chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var offset = start
        if let base = chunk.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset &+ 8 <= chunk.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let zeros = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if zeros != 0 { return offset &+ zeros.trailingZeroBitCount / 8 }
                offset &+= 8
            }
        }
        while offset < chunk.count && chunk[offset] != 0 { offset += 1 }
        return offset
    }

    /// What the end of the stream leaves: a frame cut short, if any.
    public mutating func finish() -> DecoderAnomaly? {
        defer { reset() }
        let left = discarding + pending
        return left > 0 ? DecoderAnomaly(.resync, count: left, detail: "stream ended inside a frame") : nil
    }

    /// Start over as if newly connected (the next bytes may be the tail of a frame).
    public mutating func reset() {
        pending = 0
        discarding = 0
        sawDelimiter = false
    }

    /// A delimiter ended the block: `encoded` when it lies whole in the chunk, else (nil) the
    /// `pending` bytes gathered in `buffer`.
    private mutating func endOfBlock(_ encoded: UnsafeBufferPointer<UInt8>?) -> BodyEvent? {
        let length = encoded?.count ?? pending
        defer {
            pending = 0
            sawDelimiter = true
        }
        if discarding > 0 {
            defer { discarding = 0 }
            return .anomaly(DecoderAnomaly(.resync, count: discarding, detail: "skipped to the next delimiter"))
        }
        if length == 0 { return nil }
        if !sawDelimiter {
            // The tail of a frame that was on the wire before we started listening.
            return .anomaly(DecoderAnomaly(.resync, count: length, detail: "partial frame before the first delimiter"))
        }
        makeBufferUnique()
        let frame = buffer.bytes
        // Blocks hold no zero: they were split at every one.
        guard let decoded = COBS.decode(encoded.map { UnsafeRawPointer($0.baseAddress!) } ?? UnsafeRawPointer(frame),
                                        count: length, into: frame) else {
            return .anomaly(DecoderAnomaly(.malformed, detail: "invalid COBS block of \(length) bytes"))
        }
        let body = UnsafeBufferPointer(start: frame, count: decoded)
        do {
            _ = try NativeFrame.check(body: body, hasCRC: true)
            return .body(body)
        } catch {
            switch error {
            case .tooShort(let n): return .anomaly(DecoderAnomaly(.malformed, detail: "frame of \(n) bytes is shorter than a header"))
            case .tooLong(let n): return .anomaly(DecoderAnomaly(.oversized, detail: "frame of \(n) bytes"))
            case .crcMismatch(let expected, let found):
                return .anomaly(DecoderAnomaly(.checksum, detail: "CRC \(hex4(found)), expected \(hex4(expected))"))
            }
        }
    }

    /// Copies the buffer before a write when another copy of this reader shares it, as an array
    /// would (copies of a reader stay independent).
    private mutating func makeBufferUnique() {
        if !isKnownUniquelyReferenced(&buffer) { buffer = FrameBuffer(copying: buffer) }
    }
}

/// A reader's frame buffer, `NativeFrame.maxEncodedFrame` bytes of memory of its own, so that a
/// body handed out as a pointer stays where it is until the reader writes again. Unchecked
/// Sendable: a reader writes it only when it holds the sole reference (`makeBufferUnique`).
private final class FrameBuffer: @unchecked Sendable {
    let bytes: UnsafeMutablePointer<UInt8>

    init() {
        bytes = .allocate(capacity: NativeFrame.maxEncodedFrame)
        bytes.initialize(repeating: 0, count: NativeFrame.maxEncodedFrame)
    }

    convenience init(copying other: FrameBuffer) {
        self.init()
        bytes.update(from: other.bytes, count: NativeFrame.maxEncodedFrame)
    }

    deinit { bytes.deallocate() }
}
