import GluteWire

// HCI packets as a controller sends them, and advertising data as advertisers send it. Besides
// crashing, traps when an accepted event or command does not re-encode to the input, when the
// AD structures kept are not a prefix of their data, or when the aggregator loses a device.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHCIEvent(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    if let event = HCIEvent(packet: input[...]) {
        if event.packet != input { fatalError("HCIEvent not canonical: \(input) -> \(event.packet)") }
        var aggregator = ScanAggregator()
        for (index, report) in event.advertisingReports.enumerated() {
            checkAdvertisingData(report.data)
            aggregator.add(report, at: Double(index))
        }
        if aggregator.reportCount != event.advertisingReports.count { fatalError("aggregator lost reports of \(input)") }
        for device in aggregator.sortedDevices { _ = device.profile; _ = device.sourceSpec }
    }
    if let command = HCICommand(packet: input[...]), command.packet != input {
        fatalError("HCICommand not canonical: \(input)")
    }
    checkAdvertisingData(input)
    // A slice that starts past index 0 must parse the same.
    if input.count > 1, HCIEvent(packet: input[1...]) != HCIEvent(packet: Array(input[1...])[...]) {
        fatalError("HCIEvent slice parse differs for \(input)")
    }
    return 0
}

private func checkAdvertisingData(_ bytes: [UInt8]) {
    let data = AdvertisingData(bytes: bytes)
    let encoded = ADStructure.encode(data.structures)
    if Array(bytes.prefix(encoded.count)) != encoded { fatalError("AD structures are not a prefix of \(bytes)") }
    if AdvertisingData(bytes: encoded).structures != data.structures { fatalError("AD re-parse differs for \(bytes)") }
}
