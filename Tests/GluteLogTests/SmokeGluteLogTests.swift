import Testing
@testable import GluteLog

@Test func moduleLinks() {
    #expect("\(GluteLog.self)" == "GluteLog")
}
