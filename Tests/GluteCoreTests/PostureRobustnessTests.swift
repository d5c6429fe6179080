import Foundation
import GluteCore
import GluteWire
import Testing

/// The HAPT evaluation under harder conditions than the README's protocol: without the gyroscope
/// (the accelerometer-only fallback) and with the automatic neutral instead of the labelled window.
@Suite struct PostureRobustnessTests {
    static func score(_ name: String, dropGyro: Bool, automatic: Bool) throws -> PostureScore {
        var samples = try Recordings.hapt(name)
        if dropGyro { samples = samples.map { IMUSample(time: $0.time, accel: $0.accel, gyro: .zero) } }
        let labels = try Recordings.haptLabels(name)
        var settings = PipelineSettings()
        if automatic {
            settings.mount = try Mount(parsing: "y,z,x")   // the phone's x points up
        } else {
            let standing = try #require(labels.first { $0.activity == "standing" })
            settings.neutral = .window(start: standing.start, end: standing.end)
        }
        var pipeline = Pipeline(settings: settings)
        var events: [Event] = []
        for sample in samples { pipeline.process(.imu(sample)) { events.append($0) } }
        return PostureScorer.score(labels: labels, timeline: PostureTimeline(events: events))
    }

    @Test(.enabled(if: Recordings.exists("hapt"), "../shared/data/hapt is absent"),
          arguments: [(true, false), (false, true), (true, true)])
    func variant(dropGyro: Bool, automatic: Bool) throws {
        var pooled = PostureScore()
        print("variant: \(dropGyro ? "accelerometer only" : "accel+gyro"), \(automatic ? "automatic neutral" : "window neutral")")
        for name in Recordings.haptRecordings {
            let s = try Self.score(name, dropGyro: dropGyro, automatic: automatic)
            pooled = pooled + s
            print("  \(name) \(PostureEvaluationTests.percent(s.sittingShare)) \(PostureEvaluationTests.percent(s.uprightShare)) \(s.transitionsMatched)/\(s.transitions) \(String(format: "%.2f", s.falseChangesPer10Minutes ?? -1))")
        }
        print("  pooled       \(PostureEvaluationTests.percent(pooled.sittingShare)) \(PostureEvaluationTests.percent(pooled.uprightShare)) \(pooled.transitionsMatched)/\(pooled.transitions) \(String(format: "%.2f", pooled.falseChangesPer10Minutes ?? -1))")
        // The issue-11 targets for the main table relaxed to 95 % here, pooled over all recordings.
        #expect((pooled.sittingShare ?? 0) >= 0.95)
        #expect((pooled.uprightShare ?? 0) >= 0.95)
        #expect((pooled.transitionShare ?? 0) >= 0.95)
        #expect((pooled.falseChangesPer10Minutes ?? 99) <= 1)
    }
}
