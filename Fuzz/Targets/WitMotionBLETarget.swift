import GluteWire

// WitMotion Bluetooth notifications (20-byte 0x55 0x61 / 0x55 0x71 packets, no checksum). The
// decoder documents that chunk boundaries do not matter; checked here, as is that every byte ends
// up either in an accepted packet or in the skipped-bytes count.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWitMotionBLE(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    let whole = checkChunkingInvariance(WitMotionBLEDecoder(), input, "WitMotionBLEDecoder").statistics
    let accounted = whole.frames * WitMotionBLEDecoder.packetLength + whole.skippedBytes
    if accounted != input.count { fatalError("WitMotionBLEDecoder accounted for \(accounted) of \(input.count) bytes: \(whole)") }
    return 0
}
