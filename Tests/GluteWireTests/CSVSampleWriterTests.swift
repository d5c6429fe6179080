import GluteSim
import Testing
@testable import GluteWire

@Suite struct CSVSampleWriterTests {
    private func sample(_ random: inout SplitMix64, time: Double) -> IMUSample {
        func value(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &random) }
        return IMUSample(time: time,
                         accel: Vector3(value(-16...16), value(-16...16), value(-16...16)),
                         gyro: Vector3(value(-2000...2000), value(-2000...2000), value(-2000...2000)),
                         mag: Vector3(value(-100...100), value(-100...100), value(-100...100)),
                         quaternion: Quaternion(w: value(-1...1), x: value(-1...1), y: value(-1...1), z: value(-1...1)))
    }

    @Test func formatsFixedDecimalPlaces() {
        let writer = CSVSampleWriter(layout: .imu(gyroscope: true, magnetometer: false, quaternion: false))
        #expect(writer.header == "time_s,acc_x_g,acc_y_g,acc_z_g,gyro_x_dps,gyro_y_dps,gyro_z_dps\n")
        let line = writer.line(for: .imu(IMUSample(time: 1.5, accel: Vector3(-0.0000004, -0.25, 1), gyro: Vector3(12.34567, -0.00005, 0))))
        #expect(line == "1.500000,0.000000,-0.250000,1.000000,12.3457,-0.0001,0.0000\n")
        #expect(writer.line(for: .pressure(PressureSample(time: 0, cells: [1]))) == nil)
    }

    @Test func imuOutputReDecodesToTheSameSamples() throws {
        var random = SplitMix64(seed: 11)
        let samples = (0..<500).map { Sample.imu(sample(&random, time: Double($0) * 0.01 + 0.0000004)) }
        let writer = CSVSampleWriter(layout: .fitting(samples[0]))
        let text = writer.document(samples)
        let (outputs, decoder) = CSVWitHarness.run(CSVDecoder(), text, .random(seed: 5, maximum: 64))
        let decoded = CSVWitHarness.imuSamples(outputs)
        #expect(decoder.statistics.badLines == 0)
        #expect(decoded.count == samples.count)
        var worst = (accel: 0.0, gyro: 0.0, mag: 0.0, quaternion: 0.0, time: 0.0)
        for (original, back) in zip(samples, decoded) {
            guard case .imu(let o) = original else { continue }
            worst.time = max(worst.time, abs(o.time - back.time))
            worst.accel = max(worst.accel, (o.accel - back.accel).norm)
            worst.gyro = max(worst.gyro, (o.gyro - back.gyro).norm)
            worst.mag = max(worst.mag, (o.mag! - back.mag!).norm)
            let q = o.quaternion!, r = back.quaternion!
            let dw: Double = abs(q.w - r.w), dx: Double = abs(q.x - r.x)
            let dy: Double = abs(q.y - r.y), dz: Double = abs(q.z - r.z)
            worst.quaternion = max(worst.quaternion, dw + dx + dy + dz)
        }
        // Half a unit in the last written place (per axis), plus rounding noise.
        #expect(worst.time <= 0.5e-6 + 1e-12)
        let root3 = 3.0.squareRoot()
        #expect(worst.accel <= 0.5e-6 * root3 + 1e-12)
        #expect(worst.gyro <= 0.5e-4 * root3 + 1e-9)
        #expect(worst.mag <= 0.5e-3 * root3 + 1e-9)
        #expect(worst.quaternion <= 4 * 0.5e-6 + 1e-12)
        // Writing what was read back gives the same text: nothing drifts through a round trip.
        #expect(writer.document(decoded.map { .imu($0) }) == text)
    }

    @Test func pressureOutputReDecodesExactly() {
        var samples: [Sample] = []
        for i in 0..<50 {
            var cells: [Double] = []
            for cell in 0..<6 { cells.append(Double(i * 100 + cell * 7) + 0.25) }
            samples.append(.pressure(PressureSample(time: Double(i) / 8, cells: cells)))
        }
        let writer = CSVSampleWriter(layout: .fitting(samples[0]))
        #expect(writer.header.hasPrefix("time_s,pressure_0,"))
        let decoded = CSVWitHarness.pressureSamples(CSVWitHarness.run(CSVDecoder(), writer.document(samples)).outputs)
        #expect(decoded.map { Sample.pressure($0) } == samples)
    }
}
