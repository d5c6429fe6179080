import Foundation
import GluteDevices
import GluteEventLog

// JSONL event logs read back (`report`, `history`): `EventLog.parse` must never trap, whatever the
// bytes; a refusal names FILE:LINE; what it accepts is consistent (no event after the last time).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventLog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzInput(data, size)
    let log: EventLog?
    do {
        log = try EventLog.parse(Data(input), path: "fuzz.jsonl")
    } catch {
        if !error.description.hasPrefix("fuzz.jsonl:") { fatalError("a refusal without its line: \(error.description)") }
        return 0
    }
    guard let log else { return 0 }
    if !log.events.isEmpty && log.lastTime == nil { fatalError("\(log.events.count) events but no last time") }
    if let last = log.lastTime, let late = log.events.first(where: { $0.time > last }) {
        fatalError("an event at \(late.time) after the last time \(last)")
    }
    if let offset = log.wallOffset, !offset.isFinite { fatalError("wall offset \(offset)") }
    return 0
}
