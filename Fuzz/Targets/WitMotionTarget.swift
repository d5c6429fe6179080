import GluteWire

// The WitMotion serial protocol (11-byte packets) and the baud-rate probe that inspects raw
// bytes. The decoder must be chunking-invariant, and every byte must end up either in an
// accepted packet or in the skipped-bytes count.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWitMotion(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    let whole = checkChunkingInvariance(WitMotionDecoder(), input, "WitMotionDecoder").statistics
    let accounted = whole.frames * WitMotionPacketType.packetLength + whole.skippedBytes
    if accounted != input.count { fatalError("WitMotionDecoder accounted for \(accounted) of \(input.count) bytes: \(whole)") }
    let verdict = WitMotionBaudProbe.inspect(input[...])
    if verdict.totalBytes != input.count { fatalError("probe counted \(verdict.totalBytes) of \(input.count) bytes") }
    return 0
}
