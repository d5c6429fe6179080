/// Tells whether bytes read from a serial port at some baud rate hold WitMotion packets.
///
/// The device layer reads a short burst (a quarter second is plenty: sensors send 10-200
/// periods a second) at each rate of `candidateBaudRates` in turn and keeps the first rate whose
/// bytes pass. At a wrong rate the bytes are noise: a noise byte starts a checksum-valid packet
/// with probability about 2^-20 (header, type range, checksum), so a few valid packets that
/// cover most of the bytes are proof enough.
public enum WitMotionBaudProbe {
    /// WitMotion's factory rates first (9600 for most models, 115200 for the HWT series), then
    /// the others the sensors can be set to.
    public static let candidateBaudRates = [9600, 115200, 19200, 38400, 57600, 230400, 460800, 921600, 4800, 2400]

    /// What a burst of bytes held.
    public struct Verdict: Sendable, Equatable {
        /// Checksum-valid packets.
        public var validPackets: Int
        public var checksumErrors: Int
        /// Bytes outside valid packets.
        public var skippedBytes: Int
        public var totalBytes: Int
        /// True when the burst holds at least `minimumPackets` valid packets and they cover at
        /// least `minimumCoverage` of the bytes.
        public var isWitMotion: Bool
    }

    /// Inspects a burst. Defaults: 3 packets, half the bytes.
    public static func inspect(_ bytes: ArraySlice<UInt8>, minimumPackets: Int = 3, minimumCoverage: Double = 0.5) -> Verdict {
        var decoder = WitMotionDecoder()
        decoder.feed(bytes, hostTime: 0) { _ in }
        decoder.finish(hostTime: 0) { _ in }
        let statistics = decoder.statistics
        let covered = statistics.frames * WitMotionPacketType.packetLength
        let coverage = bytes.isEmpty ? 0 : Double(covered) / Double(bytes.count)
        return Verdict(validPackets: statistics.frames, checksumErrors: statistics.checksumErrors,
                       skippedBytes: statistics.skippedBytes, totalBytes: bytes.count,
                       isWitMotion: statistics.frames >= minimumPackets && coverage >= minimumCoverage)
    }
}
