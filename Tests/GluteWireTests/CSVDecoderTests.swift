import GluteSim
import Testing
@testable import GluteWire

@Suite struct CSVDecoderTests {
    private let messy = """
        \u{FEFF}# exported by a test\r
        "time_ms",acc_x_mps2,acc_y_mps2,acc_z_mps2,gyro_x_rads,gyro_y_rads,gyro_z_rads,notes\r
        \r
        1000,0,0,9.80665,0,0,3.141592653589793,ok\r
        # a comment in the middle\r
        1010,abc,0,9.80665,0,0,0,bad\r
        1020,0,0,9.80665\r
        1030,-9.80665,4.903325,0,1,2,3,"quoted"\r
        1040,0,0,19.6133,0,0,0,last
        """

    @Test func decodesUnitsAndReportsBadLinesWithTheirNumbers() {
        let (outputs, decoder) = CSVWitHarness.run(CSVDecoder(), messy)
        let samples = CSVWitHarness.imuSamples(outputs)
        #expect(samples.count == 3)
        #expect(samples.map(\.time) == [1.0, 1.03, 1.04])
        #expect(samples[0].accel == Vector3(0, 0, 1))
        #expect(abs(samples[0].gyro.z - 180) < 1e-12)
        #expect(samples[1].accel == Vector3(-1, 0.5, 0))
        #expect(abs(samples[1].gyro.x - 57.29577951308232) < 1e-12)
        #expect(samples[2].accel.z == 2)
        let anomalies = CSVWitHarness.anomalies(outputs)
        #expect(anomalies.map(\.kind) == [.badLine, .badLine])
        #expect(anomalies[0].detail.hasPrefix("line 6:"))
        #expect(anomalies[0].detail.contains("abc"))
        #expect(anomalies[1].detail.hasPrefix("line 7:"))
        #expect(decoder.statistics.badLines == 2)
        #expect(decoder.statistics.samples == 3)
        #expect(decoder.hasGyroscope)
        #expect(decoder.error == nil)
    }

    @Test func chunkingDoesNotChangeTheOutput() {
        let whole = CSVWitHarness.run(CSVDecoder(), messy, .whole).outputs
        #expect(CSVWitHarness.run(CSVDecoder(), messy, .bytewise).outputs == whole)
        for seed in UInt64(1)...20 {
            #expect(CSVWitHarness.run(CSVDecoder(), messy, .random(seed: seed, maximum: 17)).outputs == whole)
        }
    }

    @Test func headerlessFileWithoutColumnsIsAClearError() {
        let (outputs, decoder) = CSVWitHarness.run(CSVDecoder(), "1.5,0,0,1\n1.6,0,0,1\n")
        #expect(decoder.error == .missingHeader(line: 1))
        #expect(CSVWitHarness.imuSamples(outputs).isEmpty)
        #expect(CSVWitHarness.anomalies(outputs).map(\.kind) == [.malformed])
        #expect(decoder.ignoredLines == 1)
    }

    @Test func unusableHeaderIsAnError() {
        let (outputs, decoder) = CSVWitHarness.run(CSVDecoder(), "time_s,acc_x_g,acc_y_g\n0,0,0\n")
        #expect(decoder.error == .incompleteVector(present: "acc_x_g", missing: "acc_z"))
        #expect(CSVWitHarness.imuSamples(outputs).isEmpty)
    }

    @Test func columnListReadsHeaderlessFilesAndSkipsAStrayHeader() throws {
        let columns = try CSVColumns(list: "acc_x_g,acc_y_g,acc_z_g")
        let (outputs, decoder) = CSVWitHarness.run(CSVDecoder(columns: columns), "x,y,z\n0,0,1\n0.1,0,1\n", hostTime: 42)
        let samples = CSVWitHarness.imuSamples(outputs)
        #expect(samples.count == 2)
        #expect(samples.allSatisfy { $0.time == 42 })
        #expect(samples.allSatisfy { $0.gyro == .zero })
        #expect(!decoder.hasGyroscope)
        #expect(decoder.skippedHeaderLine)
    }

    @Test func withoutATimeColumnSamplesTakeTheChunkHostTime() throws {
        var decoder = CSVDecoder()
        var times: [Double] = []
        let emit: (DecoderOutput) -> Void = { if case .sample(let s) = $0 { times.append(s.time) } }
        decoder.feed(Array("acc_x_g,acc_y_g,acc_z_g\n0,0,1\n0,".utf8)[...], hostTime: 10, emit: emit)
        decoder.feed(Array("0,1\n0,0,1".utf8)[...], hostTime: 11, emit: emit)
        decoder.finish(hostTime: 12, emit: emit)
        #expect(times == [10, 11, 12])
    }

    @Test func epochTimesAreRebasedAndStreamTimesKept() throws {
        let epoch = "unix_time_us,acc_x_g,acc_y_g,acc_z_g\n1568054271042705,0,0,1\n1568054271050517,0,0,1\n"
        let (outputs, decoder) = CSVWitHarness.run(CSVDecoder(), epoch)
        #expect(CSVWitHarness.imuSamples(outputs).map(\.time) == [0, 0.007812])
        #expect(decoder.removedTimeOffset == 1568054271.042705)

        let kept = CSVWitHarness.run(CSVDecoder(settings: .init(timeOrigin: .file)), epoch).outputs
        #expect(CSVWitHarness.imuSamples(kept).first?.time == 1568054271.042705)

        let stream = "time_s,acc_x_g,acc_y_g,acc_z_g\n12.5,0,0,1\n"
        #expect(CSVWitHarness.imuSamples(CSVWitHarness.run(CSVDecoder(), stream).outputs).first?.time == 12.5)
        let rebased = CSVWitHarness.run(CSVDecoder(settings: .init(timeOrigin: .firstSample)), stream).outputs
        #expect(CSVWitHarness.imuSamples(rebased).first?.time == 0)
    }

    @Test func pressureRowsGivePressureSamples() {
        let text = "time_s,pressure_0,pressure_1,pressure_2,pressure_3\n0.5,100,200.5,0,-1\n"
        let (outputs, _) = CSVWitHarness.run(CSVDecoder(), text)
        #expect(CSVWitHarness.pressureSamples(outputs) == [PressureSample(time: 0.5, cells: [100, 200.5, 0, -1])])
        #expect(CSVWitHarness.imuSamples(outputs).isEmpty)
    }

    @Test func overlongLinesAreBadAndDoNotGrowTheBuffer() {
        let long = String(repeating: "1", count: 10_000)
        let text = "acc_x_g,acc_y_g,acc_z_g\n\(long)\n0,0,1\n"
        let (outputs, decoder) = CSVWitHarness.run(CSVDecoder(settings: .init(maximumLineLength: 256)), text, .bytewise)
        #expect(CSVWitHarness.imuSamples(outputs).count == 1)
        #expect(decoder.statistics.badLines == 1)
        #expect(CSVWitHarness.anomalies(outputs).first?.detail.hasPrefix("line 2: longer than 256") == true)
    }

    @Test func randomBytesNeverCrashAndEveryLineIsAccountedFor() {
        var random = SplitMix64(seed: 99)
        let alphabet = Array("0123456789.,-+eE \t\r\n#\"abc_".utf8)
        for _ in 0..<200 {
            var bytes = Array("time_s,acc_x_g,acc_y_g,acc_z_g\n".utf8)
            for _ in 0..<Int.random(in: 0...400, using: &random) {
                bytes.append(random.next() % 8 == 0 ? UInt8.random(in: 0...255, using: &random)
                                                    : alphabet.randomElement(using: &random)!)
            }
            var decoder = CSVDecoder()
            let outputs = CSVWitHarness.run(&decoder, bytes, .random(seed: random.next(), maximum: 9))
            var again = CSVDecoder()
            #expect(CSVWitHarness.run(&again, bytes, .bytewise) == outputs)
            #expect(decoder.statistics.samples == CSVWitHarness.imuSamples(outputs).count)
        }
    }
}
