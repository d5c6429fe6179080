import GluteWire

// ATT PDUs as they arrive from a peer: decoded without and with an MTU taken from the input's
// length. Besides crashing, traps when an accepted PDU is not canonical (does not re-encode to the
// input), when the MTU bound is not enforced, or when a decode of its own encoding differs.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzATTPDU(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    let pdu = ATTPDU(bytes: input)
    if let pdu {
        let wire = pdu.encode()
        if wire != input { fatalError("ATTPDU not canonical: \(input) -> \(wire)") }
        if ATTPDU(bytes: wire) != pdu { fatalError("ATTPDU re-decode differs for \(input)") }
        if ATTPDU(bytes: input, mtu: input.count) != pdu { fatalError("ATTPDU rejected at its own length") }
    }
    let mtu = Int(input.last ?? 23)
    let bounded = ATTPDU(bytes: input, mtu: mtu)
    if input.count > mtu, bounded != nil { fatalError("ATTPDU accepted \(input.count) bytes over MTU \(mtu)") }
    if input.count <= mtu, bounded != pdu { fatalError("ATTPDU MTU changed the decode of \(input)") }
    // A slice that starts past index 0 must decode the same.
    if input.count > 1, ATTPDU(bytes: input[1...]) != ATTPDU(bytes: Array(input[1...])) {
        fatalError("ATTPDU slice decode differs for \(input)")
    }
    return 0
}
