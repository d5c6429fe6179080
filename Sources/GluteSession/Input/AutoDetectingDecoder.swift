import GluteWire

/// A decoder that decides the protocol from the first bytes of a stream (`protocol=auto`): it
/// holds the first `probeBytes`, picks the decoder that makes most sense of them
/// (`DecoderChoice.detect`), then feeds it everything, held bytes first. Deterministic, so a
/// replay of a capture picks the same decoder as the live session did.
public struct AutoDetectingDecoder: StreamDecoder {
    public static let probeBytes = 512

    private var held: [UInt8] = []
    private var heldTime = 0.0
    private var chosen: (any StreamDecoder)?
    private let columns: String?

    public init(columns: String? = nil) {
        self.columns = columns
    }

    public var protocolName: String { chosen?.protocolName ?? "auto" }
    public var statistics: DecoderStatistics { chosen?.statistics ?? DecoderStatistics() }

    public mutating func feed(_ bytes: ArraySlice<UInt8>, hostTime: Double, emit: (DecoderOutput) -> Void) {
        if chosen != nil {
            chosen!.feed(bytes, hostTime: hostTime, emit: emit)
            return
        }
        if held.isEmpty { heldTime = hostTime }
        held.append(contentsOf: bytes)
        if held.count >= AutoDetectingDecoder.probeBytes { decide(hostTime: hostTime, emit: emit) }
    }

    public mutating func finish(hostTime: Double, emit: (DecoderOutput) -> Void) {
        if chosen == nil && !held.isEmpty { decide(hostTime: hostTime, emit: emit) }
        chosen?.finish(hostTime: hostTime, emit: emit)
    }

    public mutating func resetLink() {
        chosen?.resetLink()
    }

    private mutating func decide(hostTime: Double, emit: (DecoderOutput) -> Void) {
        let choice = DecoderChoice.detect(held[...])
        var decoder = (try? choice.makeDecoder(columns: columns)) ?? NativeDecoder()
        decoder.feed(held[...], hostTime: heldTime, emit: emit)
        held = []
        chosen = decoder
    }
}
