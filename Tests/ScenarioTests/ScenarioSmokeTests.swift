import Testing
import GluteSim

@Test func everyScenarioHasATimeline() {
    for scenario in Scenario.allCases {
        #expect(!VirtualSensor(scenario: scenario).timeline.isEmpty)
    }
}
