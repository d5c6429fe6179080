import GluteHistory

/// Event logs written for these tests, as text, and a way to read them as the loader does.
enum HistoryFixtures {
    /// 2026-03-02: three bouts (the last runs past midnight into the next file), two breaks, an alert,
    /// a tilt episode, a squeeze, a set, and a corrupted line (line 10) in the middle.
    static let march2 = """
        {"schema":1,"type":"session","t":0,"time":"2026-03-02T08:00:00.000Z","source":"sim","tool":"test"}
        {"type":"posture","t":5,"time":"2026-03-02T08:00:05.000Z","posture":"sitting","since":0,"previous":"standing"}
        {"type":"sitting.prolonged","t":2700,"time":"2026-03-02T08:45:00.000Z","since":0,"duration_s":2700,"limit_s":2700}
        {"type":"squeeze","t":3000,"time":"2026-03-02T08:50:00.000Z","start":2995,"duration_s":5,"side":"both","strength":0.5,"source":"imu"}
        {"type":"posture","t":3605,"time":"2026-03-02T09:00:05.000Z","posture":"standing","since":3600,"previous":"sitting"}
        {"type":"sitting.break","t":3900,"time":"2026-03-02T09:05:00.000Z","bout_s":3600,"break_s":300}
        {"type":"posture","t":4005,"time":"2026-03-02T09:06:45.000Z","posture":"sitting","since":4000,"previous":"standing"}
        {"type":"tilt.anterior.start","t":5000,"time":"2026-03-02T09:23:20.000Z","angle":15,"threshold":12,"delay_s":10}
        {"type":"tilt.anterior.end","t":5100,"time":"2026-03-02T09:25:00.000Z","peak":16,"threshold":12,"duration_s":110}
        {"type":"posture","t":5200,"ti
        {"type":"exercise.set","t":6000,"time":"2026-03-02T09:40:00.000Z","reps":10,"target_reps":10,"short_reps":0,"mean_hold_s":5}
        {"type":"posture","t":8005,"time":"2026-03-02T10:13:25.000Z","posture":"standing","since":8000,"previous":"sitting"}
        {"type":"sitting.break","t":8060,"time":"2026-03-02T10:14:20.000Z","bout_s":4000,"break_s":60}
        {"type":"posture","t":50005,"time":"2026-03-02T21:53:25.000Z","posture":"sitting","since":50000,"previous":"standing"}
        {"type":"session.end","t":57600,"time":"2026-03-03T00:00:00.000Z","reason":"midnight"}

        """

    /// 2026-03-03: the bout from the day before ends at 00:30; its alert fires after midnight.
    static let march3 = """
        {"schema":1,"type":"session","t":57600,"time":"2026-03-03T00:00:00.000Z","source":"sim","tool":"test","continues":true,"posture":"sitting","posture_since":50000}
        {"type":"sitting.prolonged","t":59000,"time":"2026-03-03T00:23:20.000Z","since":50000,"duration_s":9000,"limit_s":2700}
        {"type":"posture","t":59405,"time":"2026-03-03T00:30:05.000Z","posture":"standing","since":59400,"previous":"sitting"}
        {"type":"session.end","t":61200,"time":"2026-03-03T01:00:00.000Z","reason":"stop"}

        """

    /// 2026-03-05 23:00 to 03-06 01:01:40, one plain log (no rotation): a bout of 2 h across midnight.
    static let march5 = """
        {"schema":1,"type":"session","t":0,"time":"2026-03-05T23:00:00.000Z","source":"sim","tool":"test"}
        {"type":"posture","t":1,"time":"2026-03-05T23:00:01.000Z","posture":"sitting","since":0,"previous":"standing"}
        {"type":"posture","t":7201,"time":"2026-03-06T01:00:01.000Z","posture":"standing","since":7200,"previous":"sitting"}
        {"type":"squeeze","t":7300,"time":"2026-03-06T01:01:40.000Z","start":7295,"duration_s":5,"side":"left","strength":0.4,"source":"imu"}

        """

    static func day(_ text: String) -> Int { CivilDate.day(parsing: text)! }

    /// The logs read in the order given, with the warnings they raised.
    static func load(_ files: [(String, String)], localDays: LocalDays = .fixed(0)) -> ([Int: DayFigures], [String]) {
        var bucketer = DayBucketer(localDays: localDays)
        var warnings: [String] = []
        for (name, text) in files {
            HistoryLoader.read(Array(text.utf8), file: name, into: &bucketer) { warnings.append($0) }
        }
        return (bucketer.days, warnings)
    }
}
