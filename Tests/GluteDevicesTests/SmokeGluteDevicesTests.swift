import Testing
@testable import GluteDevices

@Test func moduleLinks() {
    #expect("\(GluteDevices.self)" == "GluteDevices")
}
