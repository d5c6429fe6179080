/// The one-line JSON form of decoder output, used by `glutebridge decode` and by the spec's test
/// vectors (firmware-protocol.md), so that both show the same thing.
extension DecoderOutput {
    public var json: String {
        var text = TextBuffer(capacity: 256)
        appendJSON(to: &text)
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// Appends `json` (without a newline) to `text`; samples, nearly every line `decode` prints,
    /// are written number by number without an intermediate string.
    public func appendJSON(to text: inout TextBuffer) {
        switch self {
        case .sample(.imu(let s)):
            text.row(maxBytes: 128 + 14 * FixedDecimal.maxLength) { out in
                out.ascii(#"{"kind":"imu","t":"#)
                out.fixed(s.time, decimals: 6, nonFinite: .null)
                out.ascii(#","acc_g":"#)
                triple(s.accel, 6, &out)
                out.ascii(#","gyro_dps":"#)
                triple(s.gyro, 4, &out)
                if let m = s.mag {
                    out.ascii(#","mag_ut":"#)
                    triple(m, 1, &out)
                }
                if let q = s.quaternion {
                    out.ascii(#","quat":["#)
                    out.fixed(q.w, decimals: 5, nonFinite: .null); out.byte(0x2C)
                    out.fixed(q.x, decimals: 5, nonFinite: .null); out.byte(0x2C)
                    out.fixed(q.y, decimals: 5, nonFinite: .null); out.byte(0x2C)
                    out.fixed(q.z, decimals: 5, nonFinite: .null)
                    out.byte(0x5D)
                }
                out.byte(0x7D)
            }
        case .sample(.pressure(let s)):
            text.row(maxBytes: 64 + (s.cells.count + 1) * (FixedDecimal.maxLength + 1)) { out in
                out.ascii(#"{"kind":"pressure","t":"#)
                out.fixed(s.time, decimals: 6, nonFinite: .null)
                out.ascii(#","cells_pa":["#)
                for (index, cell) in s.cells.enumerated() {
                    if index > 0 { out.byte(0x2C) }
                    out.fixed(cell, decimals: 0, nonFinite: .null)
                }
                out.ascii("]}")
            }
        default:
            text.append(textJSON)
        }
    }

    /// Messages and anomalies: rare, built as strings.
    private var textJSON: String {
        switch self {
        case .sample: return ""
        case .message(let time, let message):
            return "{" + (["\"t\":\(f(time, 6))"] + DecoderOutput.fields(of: message)).joined(separator: ",") + "}"
        case .anomaly(let a):
            return "{\"kind\":\"anomaly\",\"anomaly\":\"\(a.kind.rawValue)\",\"count\":\(a.count),\"detail\":\(TextFormatting.jsonString(a.detail))}"
        }
    }

    private static func fields(of message: DeviceMessage) -> [String] {
        switch message {
        case .info(let i):
            let cells = i.cells.map { "[\($0.x),\($0.y)]" }.joined(separator: ",")
            return ["\"kind\":\"info\"", "\"firmware\":\"\(i.firmwareMajor).\(i.firmwareMinor).\(i.firmwarePatch)\"",
                    "\"serial\":\(TextFormatting.jsonString(i.serial))", "\"name\":\(TextFormatting.jsonString(i.name))",
                    "\"sensors\":[\(sensorNames(i.sensors).map { "\"\($0)\"" }.joined(separator: ","))]",
                    "\"accel_range_g\":\(i.accelRangeG)", "\"gyro_range_dps\":\(i.gyroRangeDPS)",
                    "\"mag_range_ut\":\(i.magRangeMicrotesla)", "\"imu_rate_hz\":\(i.imuRateHz)",
                    "\"pressure_rate_hz\":\(i.pressureRateHz)", "\"mount\":[\(i.mount.map(String.init).joined(separator: ","))]",
                    "\"cells_mm\":[\(cells)]"]
        case .status(let s):
            return ["\"kind\":\"status\"", "\"battery_pct\":\(s.batteryPercent.map(String.init) ?? "null")",
                    "\"battery_mv\":\(s.batteryMillivolts)", "\"flags\":\(s.flags.rawValue)",
                    "\"temperature_c\":\(f(s.temperature, 2))"]
        case .marker(let m):
            return ["\"kind\":\"marker\"", "\"button\":\(m.button)", "\"press\":\"\(m.kind == .long ? "long" : "short")\""]
        case .error(let e):
            return ["\"kind\":\"error\"", "\"code\":\(e.code)", "\"text\":\(TextFormatting.jsonString(e.text))"]
        case .ack(let a):
            return ["\"kind\":\"ack\"", "\"command\":\(a.command)", "\"seq\":\(a.sequence)"]
        case .nak(let n):
            return ["\"kind\":\"nak\"", "\"command\":\(n.command)", "\"seq\":\(n.sequence)", "\"reason\":\(n.reason)"]
        case .command(let c):
            switch c {
            case .ping: return ["\"kind\":\"command\"", "\"command\":\"ping\""]
            case .getInfo: return ["\"kind\":\"command\"", "\"command\":\"get_info\""]
            case .startStreaming: return ["\"kind\":\"command\"", "\"command\":\"start\""]
            case .stopStreaming: return ["\"kind\":\"command\"", "\"command\":\"stop\""]
            case .tare: return ["\"kind\":\"command\"", "\"command\":\"tare\""]
            case .setRate(let imu, let pressure):
                return ["\"kind\":\"command\"", "\"command\":\"set_rate\"", "\"imu_hz\":\(imu)", "\"pressure_hz\":\(pressure)"]
            }
        }
    }

    public static func sensorNames(_ s: DeviceInfo.Sensors) -> [String] {
        var names: [String] = []
        if s.contains(.accelerometer) { names.append("accel") }
        if s.contains(.gyroscope) { names.append("gyro") }
        if s.contains(.magnetometer) { names.append("mag") }
        if s.contains(.quaternion) { names.append("quaternion") }
        if s.contains(.pressure) { names.append("pressure") }
        return names
    }
}

extension DecoderStatistics {
    /// The summary line `decode` ends with.
    public var json: String {
        "{\"kind\":\"summary\",\"frames\":\(frames),\"samples\":\(samples),\"messages\":\(messages),"
            + "\"crc_errors\":\(checksumErrors),\"malformed\":\(malformed),\"oversized\":\(oversized),"
            + "\"resyncs\":\(resyncs),\"skipped_bytes\":\(skippedBytes),\"gaps\":\(gaps),\"lost_frames\":\(lostFrames),"
            + "\"unknown_types\":\(unknownTypes),\"unsupported_versions\":\(unsupportedVersions),\"bad_lines\":\(badLines)}"
    }
}

private func f(_ v: Double, _ d: Int) -> String { TextFormatting.fixed(v, decimals: d) }

/// `[x,y,z]`.
@inline(always)
private func triple(_ v: Vector3, _ d: Int, _ out: inout TextCursor) {
    out.byte(0x5B)
    out.fixed(v.x, decimals: d, nonFinite: .null); out.byte(0x2C)
    out.fixed(v.y, decimals: d, nonFinite: .null); out.byte(0x2C)
    out.fixed(v.z, decimals: d, nonFinite: .null)
    out.byte(0x5D)
}
