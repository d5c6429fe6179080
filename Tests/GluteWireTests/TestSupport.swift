import Foundation
@testable import GluteWire
import GluteSim

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func parseHex(_ hex: String) -> [UInt8] {
    hex.split(whereSeparator: { $0 == " " }).map { UInt8($0, radix: 16)! }
}

/// Decodes `data` fed in the given chunk sizes (cycled), returning every output.
func decodeAll(_ data: [UInt8], chunks: [Int] = [Int.max], decoder: inout NativeDecoder) -> [DecoderOutput] {
    var out: [DecoderOutput] = []
    var index = 0
    var chunk = 0
    while index < data.count {
        let size = min(chunks[chunk % chunks.count], data.count - index)
        decoder.feed(data[index..<index + size], hostTime: 0) { out.append($0) }
        index += size
        chunk += 1
    }
    decoder.finish(hostTime: 0) { out.append($0) }
    return out
}

func decodeAll(_ data: [UInt8], chunks: [Int] = [Int.max]) -> [DecoderOutput] {
    var d = NativeDecoder()
    return decodeAll(data, chunks: chunks, decoder: &d)
}
