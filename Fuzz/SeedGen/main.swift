import Glibc
import GluteLog
import GluteSim
import GluteWire

// Writes seed inputs for every fuzz target from the project's own encoders and the virtual
// sensor: `seedgen CORPUS_ROOT` fills CORPUS_ROOT/<target>/ (directories must exist).
// Deterministic: the same sources give the same seeds.

func write(_ bytes: [UInt8], _ root: String, _ target: String, _ name: String) {
    let path = "\(root)/\(target)/\(name)"
    guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    if !bytes.isEmpty, fwrite(bytes, 1, bytes.count, file) != bytes.count { fatalError("short write to \(path)") }
    fclose(file)
}

/// The first `seconds` of a scenario's samples.
func samples(_ scenario: Scenario, seconds: Double, configure: (inout SimulationSettings) -> Void = { _ in }) -> [Sample] {
    var settings = SimulationSettings()
    settings.duration = seconds
    configure(&settings)
    var sensor = VirtualSensor(scenario: scenario, settings: settings)
    var out: [Sample] = []
    while let sample = sensor.next() { out.append(sample) }
    return out
}

/// The simulated firmware's serial bytes for a scenario, cut to about `limit` bytes.
func nativeStream(_ scenario: Scenario, seconds: Double, limit: Int, imuBatch: Int = 5,
                  configure: (inout SimulationSettings) -> Void = { _ in }) -> [UInt8] {
    var settings = SimulationSettings()
    settings.duration = seconds
    configure(&settings)
    var firmware = SimulatedFirmware(scenario: scenario, simulation: settings, imuBatch: imuBatch)
    var out: [UInt8] = []
    while out.count < limit, let burst = firmware.next() { out += burst.bytes }
    return out
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else { fatalError("usage: seedgen CORPUS_ROOT") }
let root = arguments[1]

// Native stream: a few KB of several configurations, plus one long stream cut mid-frame.
write(nativeStream(.deskDay, seconds: 30, limit: 2048), root, "native_decoder", "sim-deskday")
write(nativeStream(.cushion, seconds: 30, limit: 2048), root, "native_decoder", "sim-cushion")
write(nativeStream(.squeezes, seconds: 10, limit: 3000, imuBatch: 3) { $0.emitsQuaternion = true; $0.magnetometer = false },
      root, "native_decoder", "sim-quaternion")
write(Array(nativeStream(.tilt, seconds: 10, limit: 2000).dropFirst(7)), root, "native_decoder", "sim-joined-midframe")

// Frame bodies (with and without CRC) and type+payload pairs for every message kind.
let deviceInfo = VirtualSensor(scenario: .cushion).deviceInfo
let imuBatch = samples(.singleLeg, seconds: 0.05) { $0.emitsQuaternion = true }.compactMap { sample -> IMUBatch.Raw? in
    if case .imu(let s) = sample { return IMUBatch.raw(of: s, accelRangeG: 8, gyroRangeDPS: 2000) }
    return nil
}
let messages: [(String, NativeMessage)] = [
    ("info", .device(.info(deviceInfo))),
    ("imu", .imu(IMUBatch(intervalMicros: 10_000, accelRangeG: 8, gyroRangeDPS: 2000, hasMagnetometer: true,
                          hasQuaternion: false, samples: imuBatch))),
    ("quat", .imu(IMUBatch(intervalMicros: 10_000, accelRangeG: 4, gyroRangeDPS: 250, hasMagnetometer: false,
                           hasQuaternion: true, samples: imuBatch))),
    ("pressure", .pressure(PressureBatch(intervalMicros: 50_000, cellCount: 4, loads: [0, 10, 2000, 65535, 5, 6, 7, 8]))),
    ("status", .device(.status(DeviceStatus(batteryPercent: 80, batteryMillivolts: 3900, flags: [.streaming], temperature: -3.25)))),
    ("marker", .device(.marker(Marker(button: 1, kind: .long)))),
    ("error", .device(.error(DeviceError(code: 7, text: "accelerometer fault")))),
    ("ack", .device(.ack(Acknowledgement(command: 0x44, sequence: 9)))),
    ("nak", .device(.nak(NegativeAcknowledgement(command: 0x44, sequence: 9, reason: 2)))),
    ("setrate", .device(.command(.setRate(imuHz: 200, pressureHz: 10)))),
    ("ping", .device(.command(.ping))),
    ("unknown", .unknown(type: 0x7E, payload: [1, 2, 3])),
]
var encoder = NativeEncoder(firstSequence: 65_530)
for (index, (name, message)) in messages.enumerated() {
    let frame = NativeFrame(type: message.type, sequence: UInt16(index), timeMicros: UInt32.max - 5_000, payload: message.encode())
    write(frame.body(), root, "native_frame", "crc-\(name)")
    write(frame.body(includingCRC: false), root, "native_frame", "ble-\(name)")
    write([message.type] + message.encode(), root, "native_frame", "msg-\(name)")
    write(encoder.encode(message, timeMicros: UInt32(index) * 1000), root, "native_decoder", "frame-\(name)")
}

// CSV as `glutebridge decode --format csv` writes it, for IMU with every sensor and for a cushion.
let deskSamples = samples(.deskDay, seconds: 0.25) { $0.emitsQuaternion = true }
let imuWriter = CSVSampleWriter(layout: .imu(gyroscope: true, magnetometer: true, quaternion: true))
write(Array(imuWriter.document(deskSamples).utf8), root, "csv", "sim-imu-full")
let plainWriter = CSVSampleWriter(layout: .imu(gyroscope: true, magnetometer: false, quaternion: false))
write(Array(plainWriter.document(Array(deskSamples.prefix(20))).utf8), root, "csv", "sim-imu")
let cushionSamples = samples(.cushion, seconds: 0.5)
let cellCount = cushionSamples.compactMap { if case .pressure(let p) = $0 { return p.cells.count } else { return nil } }.first ?? 8
let pressureWriter = CSVSampleWriter(layout: .pressure(cells: cellCount))
write(Array(pressureWriter.document(cushionSamples).utf8), root, "csv", "sim-pressure")

// Serial Plotter text: labelled pairs, a legend with bare values, and a banner line.
var labelled = "MPU6050 found!\r\n"
var legend = "ax ay az gx gy gz\n"
for case .imu(let s) in deskSamples.prefix(15) {
    labelled += "t:\(s.time) ax:\(s.accel.x) ay:\(s.accel.y) az:\(s.accel.z) gx:\(s.gyro.x) gy:\(s.gyro.y) gz:\(s.gyro.z) temp:23.5\r\n"
    legend += "\(s.accel.x)\t\(s.accel.y)\t\(s.accel.z)\t\(s.gyro.x)\t\(s.gyro.y)\t\(s.gyro.z)\n"
}
write(Array(labelled.utf8), root, "plotter", "labelled")
write(Array(legend.utf8), root, "plotter", "legend")
write(Array("millis:4294967000,accX:0.01,accY:0,accZ:1\nmillis:100,accX:0.02,accY:0,accZ:0.99\n".utf8), root, "plotter", "millis-wrap")

// WitMotion serial packets (factory contents and with quaternion) and BLE notifications.
var witFactory: [UInt8] = [], witAll: [UInt8] = [], ble: [UInt8] = []
let factory = WitMotionEncoder()
let everything = WitMotionEncoder(contents: [.acceleration, .angularVelocity, .angle, .quaternion])
for case .imu(let s) in deskSamples.prefix(12) {
    witFactory += factory.packets(for: s)
    witAll += everything.packets(for: s)
    ble += WitMotionEncoder.blePacket(for: s)
    if let q = s.quaternion { ble += WitMotionEncoder.bleQuaternionReply(q) }
}
write(witFactory, root, "witmotion", "factory")
write(witAll, root, "witmotion", "with-quaternion")
write(Array(witAll.dropFirst(5)), root, "witmotion", "joined-midpacket")
write(ble, root, "witmotion_ble", "notifications")
write([0x55, 0x55] + Array(ble.dropFirst(3)), root, "witmotion_ble", "out-of-step")

// Capture files: a header and data/connect/disconnect records around a short native stream,
// one intact and one cut inside its last record.
let header = CaptureHeader(fields: [("protocol", "native"), ("source", "/dev/ttyACM0"), ("started", "2025-01-01T00:00:00Z")])
var capture = header.encoded()
capture += CaptureRecord(kind: .connected, monotonic: 1.0, wall: 1_735_689_600, payload: Array("virtual sensor".utf8)).encoded()
let stream = nativeStream(.standing, seconds: 2, limit: 1500)
for (index, start) in stride(from: 0, to: stream.count, by: 300).enumerated() {
    let chunk = Array(stream[start..<min(start + 300, stream.count)])
    capture += CaptureRecord(kind: .data, monotonic: 1.0 + Double(index) * 0.05, wall: 1_735_689_600 + Double(index) * 0.05,
                             payload: chunk).encoded()
}
capture += CaptureRecord(kind: .disconnected, monotonic: 3.0, wall: 1_735_689_602, payload: Array("unplugged".utf8)).encoded()
write(capture, root, "capture", "session")
write(Array(capture.dropLast(9)), root, "capture", "torn-tail")
write(header.encoded(), root, "capture", "header-only")
