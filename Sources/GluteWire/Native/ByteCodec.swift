/// Little-endian reads from a payload, PDU or event, failing softly: a short input gives nil, never
/// a trap, so that parsers of untrusted bytes cannot crash. Slices need not start at index 0.
struct ByteReader {
    private let bytes: ArraySlice<UInt8>
    private(set) var offset: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.offset = bytes.startIndex
    }

    var remaining: Int { bytes.endIndex - offset }
    var isAtEnd: Bool { offset == bytes.endIndex }

    mutating func u8() -> UInt8? {
        guard remaining >= 1 else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func i8() -> Int8? { u8().map { Int8(bitPattern: $0) } }

    mutating func u16() -> UInt16? {
        guard remaining >= 2 else { return nil }
        defer { offset += 2 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    mutating func i16() -> Int16? { u16().map { Int16(bitPattern: $0) } }

    mutating func u32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
            | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// A length-prefixed UTF-8 string (u8 length). Invalid UTF-8 is repaired, not rejected:
    /// device text is informative, never worth dropping a frame for.
    mutating func shortString() -> String? {
        guard let count = u8(), let raw = bytes(Int(count)) else { return nil }
        return String(decoding: raw, as: UTF8.self)
    }

    mutating func rest() -> ArraySlice<UInt8> {
        defer { offset = bytes.endIndex }
        return bytes[offset...]
    }
}

/// Little-endian writes into a growing payload.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func i8(_ v: Int8) { bytes.append(UInt8(bitPattern: v)) }
    mutating func u16(_ v: UInt16) { bytes.append(UInt8(truncatingIfNeeded: v)); bytes.append(UInt8(truncatingIfNeeded: v >> 8)) }
    mutating func i16(_ v: Int16) { u16(UInt16(bitPattern: v)) }
    mutating func u32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }
    mutating func raw<C: Collection>(_ v: C) where C.Element == UInt8 { bytes.append(contentsOf: v) }

    /// A u8-length-prefixed UTF-8 string, cut to `maxBytes` without splitting a character's bytes.
    mutating func shortString(_ s: String, maxBytes: Int) {
        var length = 0
        for scalar in s.unicodeScalars {
            let width = UTF8.width(scalar)
            if length + width > maxBytes { break }
            length += width
        }
        u8(UInt8(length))
        raw(s.utf8.prefix(length))
    }
}
