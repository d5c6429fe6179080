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

/// Inputs up to this length are also fed byte by byte (every split point at once). Longer ones
/// are not: a feed call per byte made that the dearest run of a long input (without it, and
/// comparing outputs as they come, native_decoder went from 2,200 to 3,300 executions per CPU
/// second on the same 4 KB corpus).
let bytewiseLimit = 128

/// The chunkings an input is fed in besides whole. A short input: the cycled lengths its first
/// bytes choose, and byte by byte. A long one: one chunking, so that a long input costs two
/// decodes, not three: the lowest bit of its last byte picks either the cycled lengths or three
/// pieces cut at a third of it and at a place its last two bytes choose (chunks longer than the
/// cycled lengths' 256 bytes, away from the start). The fuzzer flips that bit as readily as any
/// other, so every input is checked both ways across executions.
func chunkings(of input: [UInt8]) -> [[Int]] {
    let cycled = chunkLengths(controlledBy: input)
    if input.count <= bytewiseLimit { return [cycled, [1]] }
    let tail = input.suffix(2).reduce(0) { $0 << 8 | Int($1) }
    guard tail & 1 == 1 else { return [cycled] }
    let cut = (tail >> 1) % (input.count - 1) + 1
    let third = input.count / 3
    // Up to the first cut, on to the second, then the rest: a length list cycled once.
    return [[min(cut, third), abs(cut - third), input.count]]
}

/// Everything one decoding run produced.
struct DecodeRun {
    var outputs: [DecoderOutput] = []
    var statistics = DecoderStatistics()
}

/// Feeds `input` in chunks of the given lengths (cycled; nil: all at once), then finishes, handing
/// each output to `emit`; returns the statistics. The host time is constant so that decoders
/// that stamp samples with it stay comparable.
func feed<D: StreamDecoder>(_ decoder: D, _ input: [UInt8], chunks: [Int]?, emit: (DecoderOutput) -> Void) -> DecoderStatistics {
    var decoder = decoder
    let hostTime = 12.5
    if let chunks {
        var start = 0, next = 0
        while start < input.count {
            // A zero length (two equal cuts) would stall: every chunk takes at least one byte.
            let end = min(start + max(chunks[next % chunks.count], 1), input.count)
            decoder.feed(input[start..<end], hostTime: hostTime, emit: emit)
            start = end
            next += 1
        }
    } else {
        decoder.feed(input[...], hostTime: hostTime, emit: emit)
    }
    decoder.finish(hostTime: hostTime, emit: emit)
    return decoder.statistics
}

/// Decodes `input` fed in chunks of the given lengths (cycled; nil: all at once), then finishes.
func decode<D: StreamDecoder>(_ decoder: D, _ input: [UInt8], chunks: [Int]?) -> DecodeRun {
    var run = DecodeRun()
    run.statistics = feed(decoder, input, chunks: chunks) { run.outputs.append($0) }
    return run
}

/// Outputs compared as values, falling back to their printed form so that NaN readings (which
/// are never == themselves) compare equal when both runs produced them.
func sameOutput(_ a: DecoderOutput, _ b: DecoderOutput) -> Bool {
    a == b || String(reflecting: a) == String(reflecting: b)
}

/// Decodes `input` in `chunks` and traps (a crash for libFuzzer) at the first output that differs
/// from `reference`'s, as it comes, then if the count or the statistics differ. Nothing is kept,
/// so a chunked run costs no more than decoding.
func requireSameRun<D: StreamDecoder>(_ decoder: D, _ input: [UInt8], chunks: [Int], as reference: DecodeRun, _ what: String) {
    var index = 0
    let statistics = feed(decoder, input, chunks: chunks) { output in
        guard index < reference.outputs.count else {
            fatalError("\(what): chunks \(chunks): output \(index) is extra: \(output)")
        }
        if !sameOutput(reference.outputs[index], output) {
            fatalError("\(what): chunks \(chunks): output \(index) differs:\n  \(reference.outputs[index])\n  \(output)")
        }
        index += 1
    }
    if index != reference.outputs.count {
        fatalError("\(what): chunks \(chunks): \(index) outputs vs \(reference.outputs.count) whole")
    }
    if statistics != reference.statistics {
        fatalError("\(what): chunks \(chunks): statistics differ:\n  \(reference.statistics)\n  \(statistics)")
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
/// input whole, then in each of `chunkings(of:)`, and traps on a difference. Returns the
/// whole-input run for further checks.
@discardableResult
func checkChunkingInvariance<D: StreamDecoder>(_ decoder: D, _ input: [UInt8], _ what: String) -> DecodeRun {
    let whole = decode(decoder, input, chunks: nil)
    requireStatisticsMatchOutputs(whole, what)
    for chunks in chunkings(of: input) {
        requireSameRun(decoder, input, chunks: chunks, as: whole, what)
    }
    return whole
}
