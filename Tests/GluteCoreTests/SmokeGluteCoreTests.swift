import Testing
import GluteCore

/// The event schema every JSONL line and capture header carries: bumping it is a decision (readers
/// of old logs depend on it), so a change must show up here.
@Test func eventSchemaVersion() {
    #expect(GluteCore.schemaVersion == 1)
}
