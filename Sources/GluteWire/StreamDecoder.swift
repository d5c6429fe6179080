/// What a decoder makes of transport bytes.
public enum DecoderOutput: Sendable, Equatable {
    /// A sample with units, in stream time.
    case sample(Sample)
    /// A native message that is not a sample: device info, status, marker, error, ack, nak.
    case message(time: Double, DeviceMessage)
    /// Something went wrong on the wire. Reported, never silently dropped.
    case anomaly(DecoderAnomaly)
}

/// A fault on the wire, with enough detail to explain it to a user.
public struct DecoderAnomaly: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A frame or packet whose checksum did not match.
        case checksum
        /// A frame that could not be parsed: bad COBS, too short, inconsistent lengths.
        case malformed
        /// A frame longer than the protocol allows.
        case oversized
        /// Bytes skipped to find the next frame boundary.
        case resync
        /// Frames missing according to the sequence numbers.
        case gap
        /// A message type this version does not know (skipped).
        case unknownType
        /// A protocol major version this decoder cannot read (skipped).
        case unsupportedVersion
        /// A text line that holds no sample (CSV and Serial Plotter streams).
        case badLine
    }

    public var kind: Kind
    /// How many: bytes skipped for `resync`, frames lost for `gap`, else 1.
    public var count: Int
    public var detail: String

    public init(_ kind: Kind, count: Int = 1, detail: String = "") {
        self.kind = kind
        self.count = count
        self.detail = detail
    }

    public var description: String {
        detail.isEmpty ? "\(kind.rawValue) x\(count)" : "\(kind.rawValue) x\(count): \(detail)"
    }
}

/// Counters every decoder keeps, for the `decode` summary, the live view and `doctor`.
public struct DecoderStatistics: Sendable, Equatable, Codable {
    /// Frames, packets or lines accepted.
    public var frames = 0
    public var samples = 0
    public var messages = 0
    public var checksumErrors = 0
    public var malformed = 0
    public var oversized = 0
    public var resyncs = 0
    public var skippedBytes = 0
    public var gaps = 0
    public var lostFrames = 0
    public var unknownTypes = 0
    public var unsupportedVersions = 0
    public var badLines = 0

    public init() {}

    /// Counts an anomaly in the matching counter.
    public mutating func record(_ anomaly: DecoderAnomaly) {
        switch anomaly.kind {
        case .checksum: checksumErrors += 1
        case .malformed: malformed += 1
        case .oversized: oversized += 1
        case .resync: resyncs += 1; skippedBytes += anomaly.count
        case .gap: gaps += 1; lostFrames += anomaly.count
        case .unknownType: unknownTypes += 1
        case .unsupportedVersion: unsupportedVersions += 1
        case .badLine: badLines += 1
        }
    }
}

/// A streaming decoder: transport bytes in any chunking in, samples out.
///
/// Decoders are pure values: they never read a clock. `hostTime` is when the chunk arrived
/// (seconds on the host's monotonic clock); decoders whose protocol carries no device time stamp
/// their samples with it.
public protocol StreamDecoder: Sendable {
    /// Short protocol name, as on the command line (`native`, `witmotion`, `csv`).
    var protocolName: String { get }
    var statistics: DecoderStatistics { get }
    mutating func feed(_ bytes: ArraySlice<UInt8>, hostTime: Double, emit: (DecoderOutput) -> Void)
    /// Completes what the end of the stream completes (a last line without a newline, say).
    mutating func finish(hostTime: Double, emit: (DecoderOutput) -> Void)
    /// The link was lost and will be reopened: forget what assumed a continuous stream (sequence
    /// numbers, a partial frame). Counters carry on.
    mutating func resetLink()
}

extension StreamDecoder {
    /// Stateless-across-links decoders need nothing.
    public mutating func resetLink() {}
}
