import Glibc

/// Seconds on the monotonic clock, the only clock a benchmark should read.
func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// One figure measured over several runs, in the unit its row names.
struct Measurement {
    let values: [Double]

    var sorted: [Double] { values.sorted() }
    var median: Double {
        let s = sorted
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    var minimum: Double { sorted.first ?? .nan }
    var maximum: Double { sorted.last ?? .nan }
    /// Half the range as a percentage of the median: how far apart the runs were.
    var spreadPercent: Double { median == 0 ? 0 : (maximum - minimum) / 2 / median * 100 }
}

/// Times `work` once untimed (caches, lazy statics, page faults) and then `runs` times, turning
/// each run's wall seconds into the reported figure with `figure`. `work` returns a checksum that
/// is accumulated into `sink`, so the optimizer cannot drop the work.
func measure(runs: Int, sink: inout Double, figure: (Double) -> Double, _ work: () -> Double) -> Measurement {
    sink += work()
    var values: [Double] = []
    for _ in 0..<runs {
        let start = monotonicSeconds()
        let checksum = work()
        let seconds = monotonicSeconds() - start
        sink += checksum
        values.append(figure(seconds))
    }
    return Measurement(values: values)
}

/// The process's peak resident set so far, in MiB (Linux reports ru_maxrss in KiB).
func peakResidentMebibytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
