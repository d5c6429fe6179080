import Testing
@testable import GluteWire

/// The one floating-point to integer conversion (issue 12): never a trap, whatever the value.
@Suite struct CheckedConversionTests {
    static let hostile: [Double] = [.nan, -.nan, .infinity, -.infinity, 1e300, -1e300, .greatestFiniteMagnitude,
                                    9.3e18, 9_223_372_036_854_775_808, -9_223_372_036_854_777_856, 4_294_967_296, 65536, -1]

    @Test func checkedGivesNilOutsideTheRangeAndTheRoundedValueInside() {
        #expect(Int(checked: Double.nan) == nil)
        #expect(Int(checked: Double.infinity) == nil)
        #expect(Int64(checked: 1e16 * 1000) == nil)
        #expect(Int64(checked: 9_223_372_036_854_775_808.0) == nil)  // 2^63: one past Int64.max
        #expect(Int64(checked: -9_223_372_036_854_775_808.0) == Int64.min)
        #expect(UInt32(checked: -1.0) == nil)
        #expect(UInt32(checked: -0.4, rounding: .toNearestOrAwayFromZero) == 0)
        #expect(UInt16(checked: 65535.4, rounding: .toNearestOrAwayFromZero) == 65535)
        #expect(UInt16(checked: 65535.5, rounding: .toNearestOrAwayFromZero) == nil)
        #expect(Int(checked: 2.7) == 2)
        #expect(Int(checked: -2.7, rounding: .down) == -3)
        #expect(Int(checked: 2.2, rounding: .up) == 3)
        #expect(Int8(checked: Float(127.4), rounding: .toNearestOrAwayFromZero) == 127)
    }

    /// Truncation checks only the range (no `rounded` call): the same answers as rounding first.
    @Test func truncationChecksTheRangeExactlyAtBothEnds() {
        #expect(Int8(checked: -128.9) == -128)
        #expect(Int8(checked: -129.0) == nil)
        #expect(Int8(checked: 127.99) == 127)
        #expect(Int8(checked: 128.0) == nil)
        #expect(UInt8(checked: -0.99) == 0)
        #expect(UInt8(checked: -1.0) == nil)
        #expect(UInt8(checked: 255.5) == 255)
        #expect(UInt64(checked: 18_446_744_073_709_551_616.0) == nil)  // 2^64
        #expect(UInt64(checked: 18_446_744_073_709_549_568.0) == 18_446_744_073_709_549_568)  // the largest Double below 2^64
        #expect(Int64(checked: 9_223_372_036_854_774_784.0) == 9_223_372_036_854_774_784)
        #expect(Int64(checked: -9_223_372_036_854_775_808.0) == Int64.min)
        #expect(Int64(checked: -9_223_372_036_854_777_856.0) == nil)
        #expect(Int64(checked: Float(-9.223372e18)) == Int64(exactly: Float(-9.223372e18)))
        for step in -1300...1300 {
            let x = Double(step) / 4
            #expect(Int8(checked: x) == Int8(exactly: x.rounded(.towardZero)))
            #expect(UInt8(checked: Float(x)) == UInt8(exactly: Float(x).rounded(.towardZero)))
        }
    }

    /// The concrete `UInt64(checked: Double)` (the formatter's) answers as the generic form does.
    @Test func concreteUInt64PathAgreesWithTheGenericForm() {
        var values = Self.hostile + [0, -0.0, -0.5, -0.999_999, -1, 0.5, 1.5, 9e18, 18_446_744_073_709_549_568.0,
                                     18_446_744_073_709_551_616.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude]
        var x = 1.0
        while x < 1e20 { values += [x, x.nextDown, x.nextUp, -x]; x *= 3.7 }
        for value in values {
            let concrete: UInt64? = UInt64(checked: value)
            let generic: UInt64? = UInt64(checked: value, rounding: .towardZero)
            #expect(concrete == generic, "\(value)")
        }
        #expect(UInt64(checked: 2.9) == 2)
        #expect(UInt64(checked: -0.9) == 0)
        #expect(UInt64(checked: -1.0) == nil)
    }

    /// The concrete `Int64(checked: Double)` (the formatter's, since it is one instruction) answers
    /// as the generic form does, at both ends of the range.
    @Test func concreteInt64PathAgreesWithTheGenericForm() {
        var values = Self.hostile + [0, -0.0, -0.5, 0.5, 1.5, -1.5, 9e18, -9e18, 9_223_372_036_854_774_784.0,
                                     9_223_372_036_854_775_808.0, -9_223_372_036_854_775_808.0,
                                     (-9_223_372_036_854_775_808.0).nextDown, .leastNonzeroMagnitude]
        var x = 1.0
        while x < 1e20 { values += [x, x.nextDown, x.nextUp, -x, -x.nextDown]; x *= 3.7 }
        for value in values {
            let concrete: Int64? = Int64(checked: value)
            let generic: Int64? = Int64(checked: value, rounding: .towardZero)
            #expect(concrete == generic, "\(value)")
        }
        #expect(Int64(checked: -9_223_372_036_854_775_808.0) == Int64.min)
        #expect(Int64(checked: 9_223_372_036_854_775_808.0) == nil)
        #expect(Int64(checked: -2.9) == -2)
    }

    @Test func saturatingClampsAndMapsNaN() {
        #expect(Int(saturating: Double.nan) == 0)
        #expect(Int32(saturating: Double.nan, ifNaN: -1) == -1)
        #expect(Int(saturating: Double.infinity) == Int.max)
        #expect(Int(saturating: -Double.infinity) == Int.min)
        #expect(Int64(saturating: 1e300) == Int64.max)
        #expect(Int64(saturating: 9_223_372_036_854_775_808.0) == Int64.max)
        #expect(Int64(saturating: -1e300) == Int64.min)
        #expect(UInt8(saturating: -5.0) == 0)
        #expect(UInt8(saturating: 255.6, rounding: .toNearestOrAwayFromZero) == 255)
        #expect(Int16(saturating: -32768.4, rounding: .toNearestOrAwayFromZero) == -32768)
        #expect(Int(saturating: 41.5, rounding: .toNearestOrAwayFromZero) == 42)
    }

    @Test func everyIntegerTypeSurvivesEveryHostileValue() {
        for value in Self.hostile {
            _ = Int(saturating: value); _ = Int8(saturating: value); _ = Int16(saturating: value)
            _ = Int32(saturating: value); _ = Int64(saturating: value); _ = UInt(saturating: value)
            _ = UInt8(saturating: value); _ = UInt16(saturating: value); _ = UInt32(saturating: value)
            _ = UInt64(saturating: value)
            #expect(UInt64(checked: value) == nil || value >= 0)
            #expect(Int8(checked: value) == nil || value == -1)
        }
    }

    @Test func rangesDescribeThemselvesInShortText() {
        #expect(ValueRanges.describe(ValueRanges.streamSeconds) == "-1e10 to 1e10")
        #expect(ValueRanges.describe(-360...360) == "-360 to 360")
        #expect(ValueRanges.shortText(1e300) == "1e300")
        #expect(ValueRanges.shortText(2.5) == "2.5")
        #expect(ValueRanges.shortText(.nan) == "nan")
        #expect(ValueRanges.shortText(-9_223_372_036_854_775_808) == "-9.223372036854776e18")
    }

    @Test func csvRejectsTimesAndSensorValuesOutOfRangeAsBadLines() {
        let text = "time_s,acc_x_g,acc_y_g,acc_z_g\n0,0,0,1\n1e16,0,0,1\n2,1e300,0,1\n3,0,0,1\n"
        let (outputs, decoder) = CSVWitHarness.run(CSVDecoder(), text)
        #expect(CSVWitHarness.imuSamples(outputs).map(\.time) == [0, 3])
        let details = CSVWitHarness.anomalies(outputs).map(\.detail)
        #expect(details.count == 2)
        #expect(details.first?.hasPrefix("line 3: time_s '1e16' is out of range (-1e10 to 1e10 s)") == true, "\(details)")
        #expect(details.last?.hasPrefix("line 4: acc_x_g '1e300' is out of range (-1e9 to 1e9)") == true, "\(details)")
        #expect(decoder.statistics.badLines == 2)
    }

    @Test func csvRejectsATimeThatLeavesTheRangeAfterRebasing() {
        // Epoch milliseconds are rebased to the first sample; a later one 1e19 ms away is not a time.
        let text = "time_ms,acc_x_g,acc_y_g,acc_z_g\n1700000000000,0,0,1\n-9000000000000000,0,0,1\n1700000001000,0,0,1\n"
        let (outputs, _) = CSVWitHarness.run(CSVDecoder(), text)
        #expect(CSVWitHarness.imuSamples(outputs).map(\.time) == [0, 1])
        #expect(CSVWitHarness.anomalies(outputs).first?.detail.contains("out of range") == true)
    }
}
