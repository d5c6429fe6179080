import Glibc
import GluteDevices
import GluteWire

// `make bench`: throughput of the per-sample paths, medians over several runs, printed as a table.
// Inputs are made before timing; every figure is measured in this run on this machine.

if CommandLine.arguments.contains("--check-allocations") {
    exit(AllocationChecks.runAll() ? 0 : 1)
}
// Latency through a real pty, 10 s per stream (20 s at 100 Hz) unless given.
if let index = CommandLine.arguments.firstIndex(of: "--live") {
    let given = CommandLine.arguments.dropFirst(index + 1).first
    guard let seconds = given.map(Double.init) ?? 10, seconds > 0, seconds <= 3600 else {
        try? StandardStreams.writeAll(Array("glutebridge-bench: --live takes SECONDS per stream (above 0, up to 3600), not \(given ?? "")\n".utf8), to: 2)
        exit(2)
    }
    exit(LiveLatency.runAll(seconds: seconds) ? 0 : 1)
}
if let index = CommandLine.arguments.firstIndex(of: "--feed") {
    exit(LiveFeed.run(arguments: Array(CommandLine.arguments.dropFirst(index + 1))))
}

let runs = 7
let simulatedSeconds = 600.0
var sink = 0.0

/// Recordings live beside the package (../shared/data); GLUTE_DATA overrides.
let dataRoot: String = {
    if let env = getenv("GLUTE_DATA") { return String(cString: env) }
    var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // main.swift, glutebridge-bench, Benchmarks
    return parts.joined(separator: "/") + "/../shared/data"
}()
let haptPath = dataRoot + "/hapt/exp01_user01.csv"

struct Row {
    let name: String
    let unit: String
    let measurement: Measurement
}
var rows: [Row] = []
var notes: [String] = []

print("glutebridge-bench: preparing inputs ...")
let deskSamples = Inputs.deskDayIMU(seconds: simulatedSeconds)
let deskIMU = deskSamples.compactMap { sample -> IMUSample? in
    if case .imu(let s) = sample { return s }
    return nil
}
let stream = Inputs.deskDayNativeStream(seconds: simulatedSeconds)
let streamSamples = Int(runDecoder(NativeDecoder(), stream))
let streamFrames: Int = {
    var decoder = NativeDecoder()
    decoder.feed(stream[...], hostTime: 0) { _ in }
    return decoder.statistics.frames
}()
let hapt = Inputs.file(haptPath)
let haptSamples = hapt.map { Inputs.decodeAll(CSVDecoder(), $0) } ?? []

func nanosecondsPer(_ count: Int) -> (Double) -> Double { { $0 * 1e9 / Double(count) } }

print("glutebridge-bench: timing \(runs) runs each ...")
rows.append(Row(name: "Pipeline, desk-day \(Int(simulatedSeconds / 60)) min (\(deskSamples.count) IMU samples)", unit: "ns/sample",
                measurement: measure(runs: runs, sink: &sink, figure: nanosecondsPer(deskSamples.count)) { runPipeline(deskSamples) }))
if hapt != nil {
    rows.append(Row(name: "Pipeline, HAPT exp01_user01 (\(haptSamples.count) samples)", unit: "ns/sample",
                    measurement: measure(runs: runs, sink: &sink, figure: nanosecondsPer(haptSamples.count)) { runPipeline(haptSamples) }))
} else {
    notes.append("HAPT rows skipped: \(haptPath) not found (set GLUTE_DATA to the recordings' folder)")
}
rows.append(Row(name: "AHRS.update, accel+gyro+mag (\(deskIMU.count) calls)", unit: "ns/call",
                measurement: measure(runs: runs, sink: &sink, figure: nanosecondsPer(deskIMU.count)) { runAHRS(deskIMU) }))
rows.append(Row(name: "NativeDecoder, simulated stream (\(stream.count / 1024) KiB)", unit: "MB/s",
                measurement: measure(runs: runs, sink: &sink, figure: { Double(stream.count) / $0 / 1e6 }) { runDecoder(NativeDecoder(), stream) }))
rows.append(Row(name: "NativeDecoder, same stream (\(streamSamples) samples)", unit: "ns/sample",
                measurement: measure(runs: runs, sink: &sink, figure: nanosecondsPer(streamSamples)) { runDecoder(NativeDecoder(), stream) }))
if let hapt {
    rows.append(Row(name: "CSVDecoder, HAPT exp01_user01 (\(hapt.count / 1024) KiB)", unit: "samples/s",
                    measurement: measure(runs: runs, sink: &sink, figure: { Double(haptSamples.count) / $0 }) { runDecoder(CSVDecoder(), hapt) }))
}
let notificationPDUs = Inputs.nativeNotificationPDUs(stream)
let notificationSamples = Int(runBLENotifications(notificationPDUs))
rows.append(Row(name: "BLE: \(notificationPDUs.count) notifications -> GATT client -> decoder (socketpair)", unit: "notifications/s",
                measurement: measure(runs: runs, sink: &sink, figure: { Double(notificationPDUs.count) / $0 }) { runBLENotifications(notificationPDUs) }))
rows.append(Row(name: "BLE: same, per decoded sample (\(notificationSamples) samples)", unit: "ns/sample",
                measurement: measure(runs: runs, sink: &sink, figure: nanosecondsPer(notificationSamples)) { runBLENotifications(notificationPDUs) }))
rows.append(Row(name: "Replay: stream -> decoder -> pipeline", unit: "x real time",
                measurement: measure(runs: runs, sink: &sink, figure: { simulatedSeconds / $0 }) { runReplay(stream) }))
rows.append(Row(name: "Simulate -> encode -> decode -> pipeline", unit: "x real time",
                measurement: measure(runs: runs, sink: &sink, figure: { simulatedSeconds / $0 }) { runSimulatedSession(seconds: simulatedSeconds) }))

// Allocations: the hot paths should allocate nothing per sample (DESIGN.md); counted over one
// whole run each, setup included, so a figure well below 1 per sample means a per-run constant.
var allocationRows: [AllocationRow] = []
@MainActor func countAllocations(_ name: String, per units: Int, unit: String, _ work: () -> Double) {
    let count = allocations(during: work, sink: &sink)
    allocationRows.append(AllocationRow(name: name, count: count, perUnit: Double(count) / Double(max(units, 1)), unit: unit))
}
countAllocations("Pipeline, desk-day", per: deskSamples.count, unit: "per sample") { runPipeline(deskSamples) }
countAllocations("AHRS.update", per: deskIMU.count, unit: "per call") { runAHRS(deskIMU) }
countAllocations("NativeDecoder", per: streamSamples, unit: "per sample") { runDecoder(NativeDecoder(), stream) }
countAllocations("NativeDecoder", per: streamFrames, unit: "per frame") { runDecoder(NativeDecoder(), stream) }
countAllocations("Replay: stream -> decoder -> pipeline", per: streamSamples, unit: "per sample") { runReplay(stream) }
countAllocations("BLE: notifications -> GATT client -> decoder", per: notificationPDUs.count, unit: "per notification") {
    runBLENotifications(notificationPDUs)
}

/// Four significant figures or so (no decimals from 1000 up, three below 10), or `decimals`.
func fixed(_ value: Double, decimals: Int? = nil) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
    let digits = decimals ?? (abs(value) >= 1000 ? 0 : abs(value) >= 100 ? 1 : abs(value) >= 10 ? 2 : 3)
    var scale: UInt64 = 1
    for _ in 0..<digits { scale *= 10 }
    let units = UInt64((abs(value) * Double(scale)).rounded())
    var text = (value < 0 && units != 0 ? "-" : "") + String(units / scale)
    if digits > 0 {
        let fraction = String(units % scale)
        text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
    return text
}
func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
}

let nameWidth = rows.map(\.name.count).max() ?? 10
print("")
print(pad("benchmark", nameWidth) + pad("median", 12, right: true) + pad("min", 12, right: true)
      + pad("max", 12, right: true) + pad("+/-", 8, right: true) + "  unit")
print(String(repeating: "-", count: nameWidth + 12 * 3 + 8 + 14))
for row in rows {
    let m = row.measurement
    print(pad(row.name, nameWidth) + pad(fixed(m.median), 12, right: true) + pad(fixed(m.minimum), 12, right: true)
          + pad(fixed(m.maximum), 12, right: true) + pad(fixed(m.spreadPercent, decimals: 1) + "%", 8, right: true) + "  " + row.unit)
}
print("")
let allocationNameWidth = max(nameWidth, allocationRows.map(\.name.count).max() ?? 10)
print(pad("heap allocations (one run, setup included)", allocationNameWidth) + pad("total", 12, right: true) + pad("per unit", 12, right: true))
print(String(repeating: "-", count: allocationNameWidth + 24 + 18))
for row in allocationRows {
    print(pad(row.name, allocationNameWidth) + pad(String(row.count), 12, right: true)
          + pad(fixed(row.perUnit, decimals: 4), 12, right: true) + "  " + row.unit)
}
print("")
print("median of \(runs) timed runs after one untimed run; +/- is half the min-max range over the median")
print("simulated inputs: desk-day scenario, seed 1, IMU 100 Hz (cushion 20 Hz in the streams), \(Int(simulatedSeconds)) s")
print("peak resident memory: \(fixed(peakResidentMebibytes(), decimals: 1)) MiB (getrusage ru_maxrss, inputs included)")
for note in notes { print("note: " + note) }
print("")
print("allocation checks (steady state, after a minute of warm-up):")
if !AllocationChecks.runAll() { print("note: an allocation check failed") }
if sink.isNaN { print("checksum: nan") }
