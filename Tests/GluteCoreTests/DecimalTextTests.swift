import GluteCore
import Testing

@Suite struct DecimalTextTests {
    @Test(arguments: [("12", 12.0), ("-3.5", -3.5), ("+2", 2.0), ("1e1", 10.0), ("2.5E-1", 0.25), (".5", 0.5), ("1e300", 1e300)])
    func readsDecimalText(_ text: String, _ value: Double) {
        #expect(DecimalText.double(text) == value)
    }

    @Test(arguments: ["0x10", "0x1p4", "nan", "-nan", "inf", "-infinity", "", " 1", "1 ", "e", "+", ".", "1,5", "١٢", "1e"])
    func refusesAnythingElse(_ text: String) {
        #expect(DecimalText.double(text) == nil)
    }
}
