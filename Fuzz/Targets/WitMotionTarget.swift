import GluteWire

// The WitMotion serial protocol (11-byte packets) and the baud-rate probe that inspects raw
// bytes. The decoder must be chunking-invariant.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWitMotion(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    checkChunkingInvariance(WitMotionDecoder(), input, "WitMotionDecoder")
    let verdict = WitMotionBaudProbe.inspect(input[...])
    if verdict.totalBytes != input.count { fatalError("probe counted \(verdict.totalBytes) of \(input.count) bytes") }
    return 0
}
