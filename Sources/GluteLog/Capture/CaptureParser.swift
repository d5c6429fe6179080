/// Reads a capture file's bytes: the header, then records until the end or the first damaged
/// record. Never traps on any input.
public struct CaptureParser: Sendable {
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case notACapture
        case unsupportedVersion(UInt16)
        case truncatedHeader

        public var description: String {
            switch self {
            case .notACapture: return "not a GluteBridge capture file (no GLUTECAP signature)"
            case .unsupportedVersion(let v): return "capture format version \(v) is newer than this glutebridge reads (1)"
            case .truncatedHeader: return "capture file ends inside its header"
            }
        }
    }

    public let header: CaptureHeader
    public private(set) var records: [CaptureRecord] = []
    /// Bytes after the last good record: a write cut short by a crash or a kill, or damage.
    public private(set) var damagedTailBytes = 0

    public static func looksLikeCapture(_ prefix: ArraySlice<UInt8>) -> Bool {
        prefix.count >= 8 && Array(prefix.prefix(8)) == CaptureFormat.magic
    }

    public init(_ data: [UInt8]) throws(ParseError) {
        let all = data[...]
        guard CaptureParser.looksLikeCapture(all) else { throw .notACapture }
        guard all.count >= 12 else { throw .truncatedHeader }
        let version = readLE(UInt16.self, all, at: 8)
        guard version == CaptureFormat.version else { throw .unsupportedVersion(version) }
        let metaLength = Int(readLE(UInt16.self, all, at: 10))
        guard all.count >= 12 + metaLength else { throw .truncatedHeader }
        let text = String(decoding: all[12..<12 + metaLength], as: UTF8.self)
        var fields: [(String, String)] = []
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            fields.append((String(line[..<eq]), String(line[line.index(after: eq)...])))
        }
        header = CaptureHeader(fields: fields)

        var offset = 12 + metaLength
        let h = CaptureFormat.recordHeaderSize
        while offset < all.count {
            guard all.count - offset >= h,
                  let kind = CaptureFormat.RecordKind(rawValue: all[offset]) else { break }
            let length = Int(readLE(UInt32.self, all, at: offset + 4))
            guard length <= CaptureFormat.maxRecordPayload, all.count - offset >= h + length + 4 else { break }
            let crc = readLE(UInt32.self, all, at: offset + h + length)
            guard CRC32.checksum(all[offset..<offset + h + length]) == crc else { break }
            let mono = Int64(bitPattern: readLE(UInt64.self, all, at: offset + 8))
            let wall = Int64(bitPattern: readLE(UInt64.self, all, at: offset + 16))
            records.append(CaptureRecord(kind: kind, monotonic: Double(mono) / 1_000_000, wall: Double(wall) / 1_000_000,
                                         payload: Array(all[offset + h..<offset + h + length])))
            offset += h + length + 4
        }
        damagedTailBytes = all.count - offset
    }
}
