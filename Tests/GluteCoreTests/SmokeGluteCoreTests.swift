import Testing
@testable import GluteCore

@Test func moduleLinks() {
    #expect("\(GluteCore.self)" == "GluteCore")
}
