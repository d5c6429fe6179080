/// One native frame before COBS: an 8-byte header, the payload, and a CRC.
///
/// ```
/// offset  size  field
/// 0       1     version: major in the high nibble, minor in the low nibble (0x10 = 1.0)
/// 1       1     message type
/// 2       2     sequence number, LE, +1 per frame per direction, wraps
/// 4       4     device time in microseconds, LE, wraps every 2^32 us (71.6 min)
/// 8       n     payload, n <= 236
/// 8+n     2     CRC-16/CCITT-FALSE over bytes 0..<8+n, big-endian
/// ```
/// The CRC goes out big-endian so that a CRC over the whole frame, CRC included, is zero: a
/// firmware author can check an encoder with one loop.
public struct NativeFrame: Sendable, Equatable {
    public static let headerSize = 8
    public static let crcSize = 2
    /// Chosen so that header + payload fit one BLE notification at an ATT MTU of 247.
    public static let maxPayload = 236
    public static let maxFrame = headerSize + maxPayload + crcSize
    /// COBS adds one byte per 254, plus one; the receiver drops anything longer as oversized.
    public static let maxEncodedFrame = maxFrame + maxFrame / 254 + 1
    public static let currentVersion: UInt8 = 0x10
    public static let supportedMajor: UInt8 = 1

    public var version: UInt8
    public var type: UInt8
    public var sequence: UInt16
    public var timeMicros: UInt32
    public var payload: [UInt8]

    public init(version: UInt8 = NativeFrame.currentVersion, type: UInt8, sequence: UInt16, timeMicros: UInt32, payload: [UInt8]) {
        self.version = version
        self.type = type
        self.sequence = sequence
        self.timeMicros = timeMicros
        self.payload = payload
    }

    public var major: UInt8 { version >> 4 }

    /// Header, payload and CRC: what COBS encodes on serial, and (without the CRC) what a BLE
    /// notification carries.
    public func body(includingCRC: Bool = true) -> [UInt8] {
        var w = ByteWriter(capacity: NativeFrame.headerSize + payload.count + NativeFrame.crcSize)
        w.u8(version)
        w.u8(type)
        w.u16(sequence)
        w.u32(timeMicros)
        w.raw(payload)
        var out = w.bytes
        if includingCRC {
            let crc = CRC16.checksum(out)
            out.append(UInt8(crc >> 8))
            out.append(UInt8(truncatingIfNeeded: crc))
        }
        return out
    }

    public enum ParseError: Error, Equatable, Sendable {
        case tooShort(Int)
        case tooLong(Int)
        case crcMismatch(expected: UInt16, found: UInt16)
    }

    /// Parses a body with its CRC (serial) or without it (BLE notification).
    public init(body: ArraySlice<UInt8>, hasCRC: Bool = true) throws(ParseError) {
        let contentEnd = try NativeFrame.check(body: body, hasCRC: hasCRC)
        self.init(checkedContent: body[body.startIndex..<contentEnd])
    }

    /// Header and payload of a body that `check` accepted.
    init(checkedContent content: ArraySlice<UInt8>) {
        var r = ByteReader(content)
        // Lengths were checked, so the header reads cannot fail.
        version = r.u8()!
        type = r.u8()!
        sequence = r.u16()!
        timeMicros = r.u32()!
        payload = Array(r.rest())
    }

    /// Checks a body's length and, with `hasCRC`, its CRC; returns where its content (header and
    /// payload) ends. Shared by `init(body:hasCRC:)` and the decoder's path that reads frames in
    /// place, so both reject exactly the same bodies.
    @inline(__always)
    static func check<Body: RandomAccessCollection<UInt8>>(body: Body, hasCRC: Bool) throws(ParseError) -> Int
        where Body.Index == Int, Body.SubSequence: Collection<UInt8> {
        let trailer = hasCRC ? NativeFrame.crcSize : 0
        guard body.count >= NativeFrame.headerSize + trailer else { throw .tooShort(body.count) }
        guard body.count <= NativeFrame.maxFrame else { throw .tooLong(body.count) }
        let contentEnd = body.endIndex - trailer
        if hasCRC {
            let found = UInt16(body[contentEnd]) << 8 | UInt16(body[contentEnd + 1])
            let expected = CRC16.checksum(body[body.startIndex..<contentEnd])
            guard found == expected else { throw .crcMismatch(expected: expected, found: found) }
        }
        return contentEnd
    }
}
