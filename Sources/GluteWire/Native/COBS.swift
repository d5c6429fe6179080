/// Consistent Overhead Byte Stuffing: removes every 0x00 from a frame so that 0x00 can delimit
/// frames on the wire. Overhead: one byte per 254 bytes of input, plus one.
public enum COBS {
    /// Appends the COBS encoding of `input` to `output` (no delimiter).
    public static func encode<C: Collection>(_ input: C, into output: inout [UInt8]) where C.Element == UInt8 {
        var codeIndex = output.count
        output.append(0)  // placeholder for the first code byte
        var code: UInt8 = 1
        for byte in input {
            if byte == 0 {
                output[codeIndex] = code
                codeIndex = output.count
                output.append(0)
                code = 1
            } else {
                output.append(byte)
                code += 1
                if code == 0xFF {
                    output[codeIndex] = code
                    codeIndex = output.count
                    output.append(0)
                    code = 1
                }
            }
        }
        output[codeIndex] = code
    }

    public static func encode<C: Collection>(_ input: C) -> [UInt8] where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 254 + 2)
        encode(input, into: &out)
        return out
    }

    /// Decodes one COBS block (delimiter already removed) into `output`, which is cleared first.
    /// Returns false when the block is not valid COBS (a zero inside, or a code byte that runs past
    /// the end); `output` is then unspecified. Runs are copied whole, so an `output` with the
    /// capacity of the longest block is never reallocated.
    public static func decode(_ input: ArraySlice<UInt8>, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        return input.withUnsafeBufferPointer { source in
            var index = 0
            let end = source.count
            while index < end {
                let code = Int(source[index])
                if code == 0 { return false }
                index += 1
                let runEnd = index + code - 1
                if runEnd > end { return false }
                for position in index..<runEnd where source[position] == 0 { return false }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[index..<runEnd]))
                index = runEnd
                // A 0xFF block carries no implied zero, and neither does the last block.
                if code != 0xFF && index < end {
                    output.append(0)
                }
            }
            return true
        }
    }

    /// Decodes `count` COBS bytes at `source`, which hold no zero (the caller split the stream at
    /// every one), into `output`, which has room for `count` bytes and may be `source` itself:
    /// output never overtakes input, and runs are moved with memmove semantics. Returns the
    /// decoded length, or nil when a code byte runs past the end.
    static func decode(_ source: UnsafeRawPointer, count: Int, into output: UnsafeMutablePointer<UInt8>) -> Int? {
        var input = 0
        var written = 0
        while input < count {
            let code = Int(source.load(fromByteOffset: input, as: UInt8.self))
            input += 1
            let run = code - 1
            if input + run > count { return nil }
            if run > 0 {
                UnsafeMutableRawPointer(output + written).copyMemory(from: source + input, byteCount: run)
            }
            written += run
            input += run
            // A 0xFF block carries no implied zero, and neither does the last block.
            if code != 0xFF && input < count {
                output[written] = 0
                written += 1
            }
        }
        return written
    }
}
