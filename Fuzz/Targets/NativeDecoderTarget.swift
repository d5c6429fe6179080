import GluteWire

// The native protocol's stream decoder: arbitrary bytes, any chunking. Traps when decoding the
// input whole, byte by byte and in input-chosen chunks disagree, or when the statistics do not
// match what was emitted.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNativeDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    checkChunkingInvariance(NativeDecoder(), input, "NativeDecoder")
    return 0
}
