import GluteWire

// Shared by every fuzz target (compiled into each one, not a module of its own).

/// The fuzz input as an array; libFuzzer may pass a null pointer for the empty input.
func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Chunk lengths taken from the input's first four bytes and cycled over the whole input (those
/// bytes included, so that any raw stream is a usable seed). The limits grow per byte so that
/// both tiny splits inside a header and splits of a few frames get explored.
func chunkLengths(controlledBy input: [UInt8]) -> [Int] {
    let limits = [3, 17, 67, 256]
    var lengths: [Int] = []
    for (index, byte) in input.prefix(limits.count).enumerated() {
        lengths.append(Int(byte) % limits[index] + 1)
    }
    return lengths.isEmpty ? [1] : lengths
}

/// Everything one decoding run produced.
struct DecodeRun {
    var outputs: [DecoderOutput] = []
    var statistics = DecoderStatistics()
}

/// Decodes `input` fed in chunks of the given lengths (cycled; nil: all at once), then finishes.
/// The host time is constant so that decoders that stamp samples with it stay comparable.
func decode<D: StreamDecoder>(_ decoder: D, _ input: [UInt8], chunks: [Int]?) -> DecodeRun {
    var decoder = decoder
    var run = DecodeRun()
    let hostTime = 12.5
    if let chunks {
        var start = 0, next = 0
        while start < input.count {
            let end = min(start + chunks[next % chunks.count], input.count)
            decoder.feed(input[start..<end], hostTime: hostTime) { run.outputs.append($0) }
            start = end
            next += 1
        }
    } else {
        decoder.feed(input[...], hostTime: hostTime) { run.outputs.append($0) }
    }
    decoder.finish(hostTime: hostTime) { run.outputs.append($0) }
    run.statistics = decoder.statistics
    return run
}

/// Outputs compared as values, falling back to their printed form so that NaN readings (which
/// are never == themselves) compare equal when both runs produced them.
func sameOutput(_ a: DecoderOutput, _ b: DecoderOutput) -> Bool {
    a == b || String(reflecting: a) == String(reflecting: b)
}

/// Traps (a crash for libFuzzer) unless both runs produced the same outputs and statistics.
func requireSameRuns(_ a: DecodeRun, _ b: DecodeRun, _ what: String) {
    if a.statistics != b.statistics {
        fatalError("\(what): statistics differ:\n  \(a.statistics)\n  \(b.statistics)")
    }
    if a.outputs.count != b.outputs.count {
        fatalError("\(what): \(a.outputs.count) outputs vs \(b.outputs.count)")
    }
    for i in a.outputs.indices where !sameOutput(a.outputs[i], b.outputs[i]) {
        fatalError("\(what): output \(i) differs:\n  \(a.outputs[i])\n  \(b.outputs[i])")
    }
}

/// Traps unless the counters agree with what was emitted: every anomaly counted is reported and
/// every sample counted is delivered ("nothing is dropped silently").
func requireStatisticsMatchOutputs(_ run: DecodeRun, _ what: String) {
    var recount = DecoderStatistics()
    var messages = 0
    for output in run.outputs {
        switch output {
        case .sample: recount.samples += 1
        case .message: messages += 1
        case .anomaly(let anomaly): recount.record(anomaly)
        }
    }
    recount.frames = run.statistics.frames
    recount.messages = run.statistics.messages
    if recount != run.statistics {
        fatalError("\(what): statistics \(run.statistics) do not match the outputs \(recount)")
    }
    if messages != run.statistics.messages {
        fatalError("\(what): \(messages) messages emitted, \(run.statistics.messages) counted")
    }
}

/// The contract of every `StreamDecoder`: bytes in any chunking give the same result. Decodes the
/// input whole, byte by byte, and in the chunks its first bytes choose, and traps on a difference.
/// Returns the whole-input run for further checks.
@discardableResult
func checkChunkingInvariance<D: StreamDecoder>(_ decoder: D, _ input: [UInt8], _ what: String) -> DecodeRun {
    let whole = decode(decoder, input, chunks: nil)
    requireStatisticsMatchOutputs(whole, what)
    let chunked = decode(decoder, input, chunks: chunkLengths(controlledBy: input))
    requireSameRuns(whole, chunked, "\(what): whole vs chunked \(chunkLengths(controlledBy: input))")
    let bytewise = decode(decoder, input, chunks: [1])
    requireSameRuns(whole, bytewise, "\(what): whole vs byte by byte")
    return whole
}
