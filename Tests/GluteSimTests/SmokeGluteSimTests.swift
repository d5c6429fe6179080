import Testing
@testable import GluteSim

@Test func moduleLinks() {
    #expect("\(GluteSim.self)" == "GluteSim")
}
