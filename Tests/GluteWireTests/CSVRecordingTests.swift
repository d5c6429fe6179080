import Foundation
import Testing
@testable import GluteWire

/// The real recordings of ../shared/data, decoded whole; expected counts come from counting lines here.
@Suite struct CSVRecordingTests {
    private func fields(_ line: Substring) -> [Double] {
        line.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan }
    }

    @Test(.enabled(if: CSVWitHarness.hasData("hapt/exp01_user01.csv"), "../shared/data/hapt is absent"))
    func haptRecording() throws {
        let bytes = try CSVWitHarness.read("hapt/exp01_user01.csv")
        let lines = CSVWitHarness.contentLines(bytes)
        var decoder = CSVDecoder()
        let outputs = CSVWitHarness.run(&decoder, bytes, .whole)
        let samples = CSVWitHarness.imuSamples(outputs)
        #expect(samples.count == lines.count - 1)
        #expect(decoder.statistics.badLines == 0)
        #expect(decoder.hasGyroscope)
        let first = fields(lines[1])
        #expect(samples[0].time == first[0])
        #expect(samples[0].accel == Vector3(first[1], first[2], first[3]))
        #expect(samples[0].gyro == Vector3(first[4], first[5], first[6]))
        #expect(abs(samples[0].accel.norm - 1) < 0.2)
        #expect(samples[1].time == 0.02)
        let last = fields(lines[lines.count - 1])
        #expect(samples.last?.time == last[0])
        // Same output in odd chunks.
        var chunked = CSVDecoder()
        #expect(CSVWitHarness.run(&chunked, bytes, .random(seed: 3, maximum: 5000)) == outputs)
        print("hapt exp01_user01: \(samples.count) samples, first accel \(samples[0].accel), last t \(samples.last!.time) s")
    }

    @Test(.enabled(if: CSVWitHarness.hasData("fusion/sensor_data.csv"), "../shared/data/fusion is absent"))
    func fusionRecording() throws {
        let bytes = try CSVWitHarness.read("fusion/sensor_data.csv")
        let lines = CSVWitHarness.contentLines(bytes)
        var decoder = CSVDecoder()
        let samples = CSVWitHarness.imuSamples(CSVWitHarness.run(&decoder, bytes, .whole))
        #expect(samples.count == lines.count - 1)
        #expect(decoder.statistics.badLines == 0)
        let first = fields(lines[1])
        #expect(samples[0].time == 0)
        #expect(samples[0].gyro == Vector3(first[1], first[2], first[3]))
        #expect(samples[0].accel == Vector3(first[4], first[5], first[6]))
        #expect(samples[0].mag == Vector3(first[7], first[8], first[9]))
        #expect(samples[0].accel.z > 0.9)
        #expect(decoder.removedTimeOffset == nil)
        print("fusion: \(samples.count) samples, first accel \(samples[0].accel), mag \(samples[0].mag!), last t \(samples.last!.time) s")
    }

    @Test(.enabled(if: CSVWitHarness.hasData("sit2stand-lumbar/sample.csv"), "../shared/data/sit2stand-lumbar is absent"))
    func sitToStandRecordingWithAColumnList() throws {
        let bytes = try CSVWitHarness.read("sit2stand-lumbar/sample.csv")
        let lines = CSVWitHarness.contentLines(bytes)
        let columns = try CSVColumns(list: "time_us,acc_x_mps2,acc_y_mps2,acc_z_mps2")
        var decoder = CSVDecoder(columns: columns)
        let samples = CSVWitHarness.imuSamples(CSVWitHarness.run(&decoder, bytes, .whole))
        #expect(samples.count == lines.count)
        #expect(decoder.statistics.badLines == 0)
        #expect(!decoder.hasGyroscope)
        let first = fields(lines[0])
        let second = fields(lines[1])
        #expect(samples[0].time == 0)
        #expect(abs(samples[1].time - (second[0] - first[0]) / 1e6) < 1e-9)
        #expect(decoder.removedTimeOffset == first[0] / 1e6)
        #expect(abs(samples[0].accel.x - first[1] / 9.80665) < 1e-12)
        #expect(samples[0].accel.x < -0.9)  // this sensor's +x points down
        let duration = samples.last!.time
        #expect(duration > 85 && duration < 95)
        print("sit2stand: \(samples.count) samples over \(duration) s, first accel \(samples[0].accel)")

        // Without the list, the same file is a clear error.
        var bare = CSVDecoder()
        _ = CSVWitHarness.run(&bare, Array(bytes.prefix(1000)), .whole)
        #expect(bare.error == .missingHeader(line: 1))
    }

    @Test(.enabled(if: CSVWitHarness.hasGzip && CSVWitHarness.hasData("mobgap-lowerback/HA001_Test5_Trial1_lowerback.csv.gz"),
                   "/bin/gzip or ../shared/data/mobgap-lowerback is absent"))
    func mobgapRecording() throws {
        let bytes = try CSVWitHarness.gunzip("mobgap-lowerback/HA001_Test5_Trial1_lowerback.csv.gz")
        let lines = CSVWitHarness.contentLines(bytes)
        #expect(lines.count > 100)
        var decoder = CSVDecoder()
        let samples = CSVWitHarness.imuSamples(CSVWitHarness.run(&decoder, bytes, .whole))
        #expect(samples.count == lines.count - 1)
        #expect(decoder.statistics.badLines == 0)
        #expect(decoder.hasGyroscope)
        let first = fields(lines[1])
        #expect(samples[0].time == 0)
        #expect(decoder.removedTimeOffset == first[1])
        #expect(samples[0].accel == Vector3(first[2], first[3], first[4]))
        #expect(samples[0].gyro == Vector3(first[5], first[6], first[7]))
        #expect(samples[0].mag == nil)  // mag_x_undocumented_unit is not read
        #expect(abs(samples[1].time - 0.01) < 1e-6)
        print("mobgap HA001_Test5_Trial1: \(samples.count) samples, last t \(samples.last!.time) s, first accel \(samples[0].accel)")
    }
}
