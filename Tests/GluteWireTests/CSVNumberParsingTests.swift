import GluteSim
import Testing
@testable import GluteWire

@Suite struct CSVNumberParsingTests {
    private func parse(_ text: String) -> Double? {
        var parser = DecimalParser()
        let bytes = Array(text.utf8)
        return parser.parse(bytes, from: 0, to: bytes.count)
    }

    @Test func acceptsPlainDecimals() {
        #expect(parse("0") == 0)
        #expect(parse("-12") == -12)
        #expect(parse("+0.5") == 0.5)
        #expect(parse(".25") == 0.25)
        #expect(parse("5.") == 5)
        #expect(parse("1.5e-3") == 1.5e-3)
        #expect(parse("1.568054271042705000e+15") == 1.568054271042705e15)
        #expect(parse("-9.479430744854136393e+00") == Double("-9.479430744854136393e+00"))
        #expect(parse("0.000000000000000000000000001234") == 1.234e-27)
    }

    @Test func rejectsWhatIsNotAPlainNumber() {
        for text in ["", "-", ".", "e5", "1e", "1e+", "abc", "1.2.3", "nan", "inf", "0x10", "1 ", " 1", "1,2", "1e400", "--1"] {
            #expect(parse(text) == nil, "\(text)")
        }
    }

    @Test func agreesWithTheStandardLibraryOnRandomNumbers() {
        var random = SplitMix64(seed: 7)
        var mismatches = 0
        for _ in 0..<20_000 {
            let value = Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF) * (random.next() % 2 == 0 ? 1 : -1)
            let magnitude = Double.random(in: -8...8, using: &random)
            let scaled = (value.isFinite ? 1 : 0) * Double.random(in: 1...10, using: &random) * pow10(magnitude)
            for text in [value.description, scaled.description, String(Int.random(in: -99999...99999, using: &random)) + "." + String(Int.random(in: 0...999999, using: &random))] {
                if parse(text) != Double(text) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        let whole = Int(exponent.rounded(.down))
        for _ in 0..<abs(whole) { result = whole < 0 ? result / 10 : result * 10 }
        return result
    }
}
