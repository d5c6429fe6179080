/// The virtual sensor's scripted sessions. Times are simulated seconds from the start of a pass;
/// `VirtualSensor.script` gives the same timeline as data. Angles are relative to the neutral
/// standing pelvis: tilt positive anterior, obliquity positive when the left side drops. "Should
/// be detected" assumes GluteCore's default settings (tilt limit 10 deg after 5 s, prolonged
/// sitting at 30 min, a break needs 60 s upright, squeezes of 1-30 s, exercise target 5 s with
/// 0.5 s tolerance, pelvic drop beyond 7 deg).
///
/// Common to all: a tilt spell or squeeze of N s is a segment of N s that ramps into its pose in
/// its first second (0.4 s for squeezes) and ramps out in the next segment, so the angle is past
/// half its amplitude for N s. Sitting down takes 2.2 s (lean forward to +20 deg, then lower
/// 0.45 m onto the seat, settling at -28 deg: the pelvis rolls back when seated); standing up
/// takes 2.0 s (lean to +25 deg, rise). Walks step at `stepRateHz` (1.9 Hz) at 1.2 m/s, slow to
/// 0.5 m/s and turn 180 deg left in 3.5 s twice, so they end facing the start direction. Every
/// scenario starts and ends in quiet neutral standing.
public enum Scenario: String, CaseIterable, Sendable {
    /// A compressed working day, 2660.6 s (44.3 min); cushion on by default. At 60x it plays in
    /// 44 s and fires every detector:
    /// - 0-20: standing still (automatic calibration).
    /// - 20-50: walk (turns at 31.5-35 and 46.5-50); 50-55 stand.
    /// - 55-57.2: sit down. Bout 1 from 55 to 1947.2 (31.5 min): seated squeeze left 117.2-122.2
    ///   and right 132.2-137.2 (cushion squeezes with side); `sitting.prolonged` 30 min in.
    /// - 1947.2-1949.2: stand up; walk 1949.2-2019.2 (long break, > 60 s: `sitting.break`).
    /// - Standing tilt spells: 15 deg 2029.2-2049.2 (counts), 15 deg 2064.2-2067.2 (3 s, must
    ///   not count), 18 deg 2082.2-2107.2 (counts); neutral in between and until 2137.2.
    /// - Exercise set 2137.2-2235.2: 10 standing squeezes (tuck -4 deg) of 5 s with 5 s rests,
    ///   rep 4 only 3 s (2167.2-2170.2, flagged short); rep 10 at 2225.2-2230.2.
    /// - Single-leg test: left leg up 2246.2-2251.2 with a 9 deg drop (`pelvic_drop` left),
    ///   right leg up 2260.2-2265.2 with a 2 deg drop (no event).
    /// - Walk 2277.2-2297.2; sit 2302.2-2544.4 (bout 2, 4 min); stand up; short break standing
    ///   2546.4-2576.4 (30 s, not a break); sit 2576.4-2638.6 (bout 3); stand up; stand to the end.
    case deskDay = "desk-day"
    /// Quiet neutral standing for 120 s, small sway only: the calibration reference. Should be
    /// detected: standing, nothing else.
    case standing
    /// Standing with anterior tilt spells, 277 s, between 20 s neutral stretches:
    /// 15 deg 20-40 (counts), 15 deg 60-63 (3 s, must not count), 20 deg 83-113 (counts),
    /// 15 deg 133-137 (4 s, must not count), 5 deg 157-177 (below the limit, must not count),
    /// 12 deg 197-257 (counts: a mild but long spell), neutral 257-277.
    case tilt
    /// Long sitting bouts with breaks, 3011.6 s; cushion on by default.
    /// - 0-20 standing; sit down 20-22.2; bout 1 20-622.2 (10 min).
    /// - Short break 622.2-653.2 (31 s: stand up, stand 10 s, walk 14 s, stand 5 s): not a break,
    ///   so `sitting.prolonged` fires 30 min after 20 s.
    /// - Bout 2 653.2-2575.4 (32 min, longer than 30 min on its own).
    /// - Long break 2575.4-2687.4 (112 s: stand up, walk 90 s, stand 20 s): `sitting.break`.
    /// - Bout 3 2687.4-2989.6 (5 min); stand up; stand 2991.6-3011.6.
    case sitting
    /// The exercise, 121 s: standing tall 0-15 (calibration), then 10 bilateral squeezes (pelvis
    /// tucks to -4 deg posterior in 0.4 s, holds, releases) starting at 15, 25, 35, 45, 53, 63,
    /// 73, 83, 91, 101; each 5 s except reps 4 (45-48) and 8 (83-86), 3 s (short holds), each
    /// followed by a 5 s rest; stand 111-121. Should be detected: 10 squeezes, one set of 10 with 2 short.
    case squeezes
    /// Single-leg stance, 81 s: stand 0-15; four lifts of 5 s, each preceded by a 1 s weight shift
    /// onto the stance leg and followed by 1 s lowering and 1 s back to centre: left leg 16-21
    /// (pelvis drops 9 deg on the left: weakness, `pelvic_drop` left), right 32-37 (2 deg, normal),
    /// left 48-53 (8 deg, `pelvic_drop` left), right 64-69 (2.5 deg, normal); stand 71-81.
    case singleLeg = "single-leg"
    /// Seated on the cushion with the IMU worn, 132.2 s; cushion on by default. Stand 0-15 (cushion
    /// empty), sit down 15-17.2, sit to 47.2; squeeze left 47.2-52.2, right 62.2-67.2, both
    /// 77.2-82.2 (full strength), left at 60 % 92.2-95.2 (3 s), 10 s rests between; sit to 115.2;
    /// stand up 115.2-117.2 (cushion empties); stand to 132.2. Should be detected: sitting,
    /// squeezes left, right, both, left (short), standing.
    case cushion

    /// Whether the scenario has a seat cushion by default (settings may override).
    public var hasCushionByDefault: Bool {
        switch self {
        case .deskDay, .sitting, .cushion: return true
        case .standing, .tilt, .squeezes, .singleLeg: return false
        }
    }
}
