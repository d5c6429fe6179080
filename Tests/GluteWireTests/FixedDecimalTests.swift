import Testing
import GluteSim
import GluteWire

// FixedDecimal replaced two formatters that printed through `String` (TextFormatting.fixed and
// FixedDecimalFormatter): every output of decode, export and the events depends on it printing
// exactly what they printed. `reference` is their algorithm, kept here to hold it to that.

/// The former formatters' algorithm: libm rounding half away from zero, then integer digits.
private func reference(_ value: Double, decimals: Int, null: Bool) -> String {
    guard value.isFinite else { return null ? "null" : value.description }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9.0e18 else { return value.description }
    let units = UInt64(scaled)
    let divisor = UInt64(scale)
    var out = (value < 0 && units != 0) ? "-" : ""
    out += String(units / divisor)
    if decimals > 0 {
        var fraction = String(units % divisor)
        while fraction.count < decimals { fraction = "0" + fraction }
        out += "." + fraction
    }
    return out
}

@Test func fixedDecimalMatchesTheFormerFormattersOnEdgeValues() {
    let edges: [Double] = [0, -0.0, 0.5, -0.5, 1.5, 2.5, 0.0005, -0.0005, 0.00049999999999999995, 0.125, 1e-7, -1e-7,
                           0.49999999999999994, 4503599627370495.5, 4503599627370497, 9.0e18, 8.999999999999999e18,
                           9.0e18 / 1e6, 8.9999999999999e12, 1e300, -1e300, .greatestFiniteMagnitude,
                           .leastNonzeroMagnitude, .nan, .infinity, -.infinity, 123.4565, 2.675, 1.005, -1.005]
    for value in edges {
        for decimals in 0...FixedDecimal.maxDecimals {
            #expect(FixedDecimal.string(value, decimals: decimals, nonFinite: .null) == reference(value, decimals: decimals, null: true),
                    "\(value) with \(decimals) places")
            #expect(FixedDecimal.string(value, decimals: decimals) == reference(value, decimals: decimals, null: false))
        }
    }
}

/// Around every power of ten (where the digit count changes) in whole units of each precision.
@Test func fixedDecimalMatchesTheFormerFormattersAtEveryDigitCount() {
    for places in 0...FixedDecimal.maxDecimals {
        var unit = 1.0
        for _ in 0..<places { unit /= 10 }
        var power = 1.0
        for _ in 0...18 {
            for units in [power - 1, power, power + 1, power.nextDown, power.nextUp] where units >= 0 && units < 9e18 {
                for value in [units * unit, -units * unit] {
                    #expect(FixedDecimal.string(value, decimals: places) == reference(value, decimals: places, null: false),
                            "\(value) with \(places) places")
                }
            }
            power *= 10
        }
    }
}

@Test func fixedDecimalMatchesTheFormerFormattersOnRandomValues() {
    var random = SplitMix64(seed: 42)
    for _ in 0..<200_000 {
        // Magnitudes from 1e-9 to 1e12, and values on the half-unit ties of each precision.
        let exponent = Double(random.next() % 22) - 9
        var value = Double(bitPattern: random.next() >> 12 | 0x3FF0_0000_0000_0000) - 1  // [0, 1)
        value *= powerOfTen(exponent)
        if random.next() % 2 == 0 { value = -value }
        let decimals = Int(random.next() % UInt64(FixedDecimal.maxDecimals + 1))
        if random.next() % 4 == 0 { value = (value * powerOfTen(Double(decimals))).rounded(.down) / powerOfTen(Double(decimals)) + 0.5 / powerOfTen(Double(decimals)) }
        #expect(FixedDecimal.string(value, decimals: decimals) == reference(value, decimals: decimals, null: false), "\(value) with \(decimals) places")
    }
}

@Test func textBufferRowsAndGrowth() {
    var text = TextBuffer(capacity: 64)
    for index in 0..<1000 {
        text.row(maxBytes: 2 * FixedDecimal.maxLength + 2) { out in
            out.fixed(Double(index) / 8, decimals: 3)
            out.ascii(",")
            out.fixed(-Double(index), decimals: 0, nonFinite: .null)
            out.byte(0x0A)
        }
    }
    text.append("end")
    let lines = String(decoding: text.bytes, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 1001)
    #expect(lines[0] == "0.000,0")
    #expect(lines[999] == "124.875,-999")
    #expect(lines[1000] == "end")
    text.removeAll()
    #expect(text.count == 0 && text.bytes.isEmpty)
}

private func powerOfTen(_ exponent: Double) -> Double {
    var result = 1.0
    if exponent >= 0 { for _ in 0..<Int(exponent) { result *= 10 } } else { for _ in 0..<Int(-exponent) { result /= 10 } }
    return result
}
