import GluteWire

// WitMotion Bluetooth notifications (20-byte 0x55 0x61 / 0x55 0x71 packets, no checksum). The
// decoder documents that chunk boundaries do not matter; checked here.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWitMotionBLE(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    checkChunkingInvariance(WitMotionBLEDecoder(), input, "WitMotionBLEDecoder")
    return 0
}
