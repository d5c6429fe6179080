import GluteSim
import Testing
@testable import GluteWire

@Suite struct SerialPlotterDecoderTests {
    private let labelled = """
        MPU6050 Found!\r
        Acceleration X: 0.12, Y: -0.30, Z: 9.81 m/s^2\r
        \r
        ms:1000 ax:0.01 ay:-0.02 az:0.98 gx:1.5 gy:-2.5 gz:0.25 temp:24.1\r
        ms:1010,ax:0.02,ay:-0.03,az:0.99\r
        ms:1020\tax:0.02\tay:oops\taz:0.99\r
        ms:1030 ax:0.02 ay:-0.03\r
        ms:1040 acc_x_mps2:9.80665 acc_y_mps2:0 acc_z_mps2:0 gyro_x_rads:0 gyro_y_rads:0 gyro_z_rads:0\r
        temp:24.1
        """

    @Test func labelledLinesDecodeAndBannersAreText() {
        let (outputs, decoder) = CSVWitHarness.run(SerialPlotterDecoder(), labelled)
        let samples = CSVWitHarness.imuSamples(outputs)
        #expect(samples.map(\.time) == [1.0, 1.01, 1.04])
        #expect(samples[0].accel == Vector3(0.01, -0.02, 0.98))
        #expect(samples[0].gyro == Vector3(1.5, -2.5, 0.25))
        #expect(samples[1].gyro == .zero)
        #expect(samples[2].accel == Vector3(1, 0, 0))
        #expect(decoder.hasGyroscope)
        #expect(decoder.textLines == 2)
        let anomalies = CSVWitHarness.anomalies(outputs)
        #expect(anomalies.map(\.kind) == [.badLine, .badLine, .badLine])
        #expect(anomalies[0].detail.hasPrefix("line 6:") && anomalies[0].detail.contains("oops"))
        #expect(anomalies[1].detail.hasPrefix("line 7:") && anomalies[1].detail.contains("accelerometer"))
        #expect(anomalies[2].detail.hasPrefix("line 9:"))
        #expect(decoder.statistics.badLines == 3)
    }

    @Test func chunkingDoesNotChangeTheOutput() {
        let whole = CSVWitHarness.run(SerialPlotterDecoder(), labelled).outputs
        #expect(CSVWitHarness.run(SerialPlotterDecoder(), labelled, .bytewise).outputs == whole)
        for seed in UInt64(1)...20 {
            #expect(CSVWitHarness.run(SerialPlotterDecoder(), labelled, .random(seed: seed, maximum: 13)).outputs == whole)
        }
    }

    @Test func positionalValuesTakeTheColumnList() throws {
        let columns = try CSVColumns(list: "time_us,acc_x_g,acc_y_g,acc_z_g")
        let text = "Initializing...\n1000000 0.1 0.2 0.9\n1010000,0.1,0.2,0.9\n1020000\t0.1 0.2\n"
        let (outputs, decoder) = CSVWitHarness.run(SerialPlotterDecoder(columns: columns), text, .bytewise)
        let samples = CSVWitHarness.imuSamples(outputs)
        #expect(samples.map(\.time) == [1.0, 1.01])
        #expect(samples[0].accel == Vector3(0.1, 0.2, 0.9))
        #expect(!decoder.hasGyroscope)
        #expect(CSVWitHarness.anomalies(outputs).first?.detail == "line 4: 3 values, expected 4")
    }

    @Test func aLegendLineNamesPositionalValues() {
        let text = "ax ay az gx gy gz\n0 0 1 10 20 30\n"
        let (outputs, _) = CSVWitHarness.run(SerialPlotterDecoder(), text, hostTime: 7)
        #expect(CSVWitHarness.imuSamples(outputs) == [IMUSample(time: 7, accel: Vector3(0, 0, 1), gyro: Vector3(10, 20, 30))])
    }

    @Test func positionalValuesWithoutNamesAreBadLines() {
        let (outputs, decoder) = CSVWitHarness.run(SerialPlotterDecoder(), "0.1 0.2 0.9\n")
        #expect(CSVWitHarness.imuSamples(outputs).isEmpty)
        #expect(decoder.statistics.badLines == 1)
        #expect(CSVWitHarness.anomalies(outputs).first?.detail.contains("--columns") == true)
    }

    @Test func millisWrapAroundIsUndone() {
        let text = "ms:4294967290 ax:0 ay:0 az:1\nms:4 ax:0 ay:0 az:1\n"
        let samples = CSVWitHarness.imuSamples(CSVWitHarness.run(SerialPlotterDecoder(), text).outputs)
        #expect(samples.count == 2)
        #expect(abs(samples[1].time - samples[0].time - 0.010) < 1e-9)
    }

    @Test func pressureChannels() {
        let text = "pressure_0:100 pressure_1:200 pressure_2:300\npressure_0:1 pressure_2:3\n"
        let (outputs, decoder) = CSVWitHarness.run(SerialPlotterDecoder(), text, hostTime: 3)
        #expect(CSVWitHarness.pressureSamples(outputs) == [PressureSample(time: 3, cells: [100, 200, 300])])
        #expect(decoder.statistics.badLines == 1)
    }

    @Test func randomTextNeverCrashesAndChunkingNeverMatters() {
        var random = SplitMix64(seed: 2024)
        let alphabet = Array("0123456789.:-+eE \t\r\n,axyzgmsq_p".utf8)
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...400, using: &random) {
                bytes.append(random.next() % 10 == 0 ? UInt8.random(in: 0...255, using: &random)
                                                     : alphabet.randomElement(using: &random)!)
            }
            var decoder = SerialPlotterDecoder()
            let outputs = CSVWitHarness.run(&decoder, bytes, .random(seed: random.next(), maximum: 7))
            var again = SerialPlotterDecoder()
            #expect(CSVWitHarness.run(&again, bytes, .bytewise) == outputs)
        }
    }
}
