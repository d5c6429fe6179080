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
                moveRun(from: source + input, to: UnsafeMutableRawPointer(output + written), count: run)
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

    /// Moves `count` (1 or more) bytes with memmove semantics for a destination at or before the
    /// source. Sensor data is full of zero bytes, so most runs are a few bytes long: up to 16
    /// they are moved as two overlapping words, loaded before either is stored, instead of a
    /// call to memmove (about 6 a frame, 3 % of a replay's time by perf).
    @inline(__always)
    private static func moveRun(from source: UnsafeRawPointer, to destination: UnsafeMutableRawPointer, count: Int) {
        if count >= 8 && count <= 16 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            destination.storeBytes(of: head, as: UInt64.self)
            destination.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
        } else if count >= 4 && count < 8 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            destination.storeBytes(of: head, as: UInt32.self)
            destination.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
        } else if count < 4 {
            for i in 0..<count {
                destination.storeBytes(of: source.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self)
            }
        } else {
            destination.copyMemory(from: source, byteCount: count)
        }
    }
}
