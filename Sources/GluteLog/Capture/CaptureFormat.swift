import GluteWire

/// The capture file: raw transport bytes with the host times they arrived, so that a replay runs
/// the decoder on exactly what the live session saw, corruption included.
///
/// ```
/// file    := header record*
/// header  := "GLUTECAP" u16 version(1) u16 n  n bytes of metadata ("key=value\n" lines, UTF-8)
/// record  := u8 kind  u8 0  u16 0  u32 length  i64 monotonic_us  i64 wall_us  payload[length]  u32 crc32
/// ```
/// All integers little-endian. `crc32` (IEEE, as zlib) covers the record from `kind` to the end of
/// the payload. Records are only ever appended; a reader stops at the first record that is cut
/// short or fails its CRC (a crash mid-write), keeping everything before it.
public enum CaptureFormat {
    public static let magic = Array("GLUTECAP".utf8)
    public static let version: UInt16 = 1
    public static let recordHeaderSize = 24
    public static let maxRecordPayload = 1 << 20

    public enum RecordKind: UInt8, Sendable {
        /// Bytes read from the transport.
        case data = 1
        /// The link came up; payload: a UTF-8 description of the device.
        case connected = 2
        /// The link went down; payload: the reason, UTF-8.
        case disconnected = 3
    }
}

/// One record of a capture file.
public struct CaptureRecord: Sendable, Equatable {
    public var kind: CaptureFormat.RecordKind
    /// Host monotonic time in seconds (the decoders' `hostTime`).
    public var monotonic: Double
    /// Host wall-clock time in seconds since the Unix epoch.
    public var wall: Double
    public var payload: [UInt8]

    public init(kind: CaptureFormat.RecordKind, monotonic: Double, wall: Double, payload: [UInt8]) {
        self.kind = kind
        self.monotonic = monotonic
        self.wall = wall
        self.payload = payload
    }

    /// The record's bytes as they go into the file.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(CaptureFormat.recordHeaderSize + payload.count + 4)
        out.append(kind.rawValue)
        out.append(contentsOf: [0, 0, 0])
        appendLE(UInt32(payload.count), to: &out)
        appendLE(UInt64(bitPattern: Int64(saturating: monotonic * 1_000_000, rounding: .toNearestOrAwayFromZero)), to: &out)
        appendLE(UInt64(bitPattern: Int64(saturating: wall * 1_000_000, rounding: .toNearestOrAwayFromZero)), to: &out)
        out.append(contentsOf: payload)
        appendLE(CRC32.checksum(out), to: &out)
        return out
    }
}

/// The metadata at the head of a capture: which source, which protocol, when.
public struct CaptureHeader: Sendable, Equatable {
    public var fields: [(String, String)]

    public init(fields: [(String, String)]) { self.fields = fields }

    public subscript(key: String) -> String? { fields.first { $0.0 == key }?.1 }

    public static func == (a: CaptureHeader, b: CaptureHeader) -> Bool {
        a.fields.map { [$0.0, $0.1] } == b.fields.map { [$0.0, $0.1] }
    }

    public func encoded() -> [UInt8] {
        // Newlines inside values would break the line format; they never belong there.
        let text = fields.map { "\($0.0)=\($0.1.replacingAll("\n", with: " "))\n" }.joined()
        let meta = Array(text.utf8.prefix(65535))
        var out = CaptureFormat.magic
        appendLE(CaptureFormat.version, to: &out)
        appendLE(UInt16(meta.count), to: &out)
        return out + meta
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

func appendLE<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
    var v = value.littleEndian
    withUnsafeBytes(of: &v) { out.append(contentsOf: $0) }
}

func readLE<T: FixedWidthInteger>(_ type: T.Type, _ bytes: ArraySlice<UInt8>, at offset: Int) -> T {
    var v: T = 0
    for i in 0..<MemoryLayout<T>.size {
        v |= T(truncatingIfNeeded: bytes[offset + i]) << (8 * i)
    }
    return v
}
