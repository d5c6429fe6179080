import GluteDevices
import GluteLog
import GluteSettings
import GluteWire

/// One piece of a recording, as it arrived: bytes and the host times of their arrival.
public struct RecordedChunk: Sendable {
    public var kind: CaptureFormat.RecordKind
    public var bytes: ArraySlice<UInt8>
    public var monotonic: Double
    public var wall: Double
}

/// A recording to replay: a capture file (raw transport bytes with host times) or a plain file
/// (CSV, Serial Plotter text, a raw native or WitMotion dump).
public struct RecordedInput: Sendable {
    public let path: String
    public let decoderChoice: DecoderChoice
    /// The capture's metadata, when the file is a capture.
    public let header: CaptureHeader?
    /// Bytes at the end of a capture that form no complete record (a recording cut short).
    public let damagedTailBytes: Int
    /// For plain files, which carry no arrival times: wall times are this plus stream time (the
    /// file's modification time, so that replays of one file always print the same times).
    public let wallBase: Double?
    private let records: [CaptureRecord]
    /// Standard input cannot be read twice: it is held in memory.
    private let heldBytes: [UInt8]?

    public init(path: String, decoder: DecoderChoice? = nil) throws(InputError) {
        self.path = path
        // /dev/zero or /dev/urandom never end: a replay of one would decode nothing forever.
        if path != "-", FileKind.isCharacterDevice(path) {
            throw InputError("\(path): a device, not a recording (read a sensor live with monitor, record or decode)")
        }
        let held = path == "-" ? try ChunkedFileReader.readAll(path) : nil
        heldBytes = held
        var reader = try ChunkedFileReader(path: path == "-" ? "/dev/null" : path)
        let first: ArraySlice<UInt8>
        if let held { first = held.prefix(65536) } else { first = try reader.next() ?? [] }
        reader.close()
        // Said plainly rather than as "no samples decoded" with a guess at the protocol.
        if first.isEmpty { throw InputError("\(path == "-" ? "standard input" : path): empty file") }
        if CaptureParser.looksLikeCapture(first) {
            let parsed: CaptureParser
            do { parsed = try CaptureParser(held != nil ? held! : try ChunkedFileReader.readAll(path)) } catch let error as InputError {
                throw error
            } catch {
                throw InputError("\(path): \(error)")
            }
            header = parsed.header
            records = parsed.records
            damagedTailBytes = parsed.damagedTailBytes
            wallBase = nil
            let named = parsed.header["protocol"].flatMap(DecoderChoice.init(rawValue:))
            decoderChoice = decoder ?? named ?? .native
        } else {
            header = nil
            records = []
            damagedTailBytes = 0
            // Standard input has no modification time: its events are dated from now.
            wallBase = ChunkedFileReader.status(path)?.modified ?? HostClock.now().wall
            decoderChoice = decoder ?? DecoderChoice.detect(first)
        }
    }

    public var isCapture: Bool { header != nil }

    /// The calibration profile the capture was recorded with, if its header carries a valid one.
    public var recordedCalibration: CalibrationProfile? {
        header?[CalibrationProfile.captureHeaderKey].flatMap(CalibrationProfile.init(headerText:))
    }
    public var recordCount: Int { records.count }

    /// Where the recording came from (a capture's `source`, else the path).
    public var sourceLabel: String { header?["source"] ?? path }

    /// When the recording started on the wall clock: its first record, or the file's time.
    public var startWall: Double { records.first?.wall ?? wallBase ?? 0 }

    /// Size in bytes of a plain file (0 when unknown), for progress.
    public var fileSize: Int {
        ChunkedFileReader.status(path)?.size ?? 0
    }

    /// Calls `body` for each chunk in order until it returns false.
    public func forEachChunk(_ body: (RecordedChunk) throws -> Bool) throws {
        if isCapture {
            for r in records {
                guard try body(RecordedChunk(kind: r.kind, bytes: r.payload[...], monotonic: r.monotonic, wall: r.wall)) else { return }
            }
            return
        }
        if let heldBytes {
            for start in stride(from: 0, to: heldBytes.count, by: 65536) {
                let chunk = heldBytes[start..<min(start + 65536, heldBytes.count)]
                guard try body(RecordedChunk(kind: .data, bytes: chunk, monotonic: 0, wall: wallBase ?? 0)) else { return }
            }
            return
        }
        var reader = try ChunkedFileReader(path: path)
        defer { reader.close() }
        while let chunk = try reader.next() {
            guard try body(RecordedChunk(kind: .data, bytes: chunk, monotonic: 0, wall: wallBase ?? 0)) else { return }
        }
    }
}
