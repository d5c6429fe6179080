/// Output text gathered as UTF-8 bytes for writing in large blocks: `decode` and `export` print
/// millions of rows, and a `String` or a write per row would cost more than the row itself.
///
/// A row is written through a `TextCursor` in one `row` call, which makes room once for the whole
/// row; the buffer grows when a row needs more, and the caller empties it (`removeAll`) after
/// handing `bytes` to a file.
public struct TextBuffer: Sendable {
    /// Storage; only the first `count` bytes are text. Its length only grows.
    @usableFromInline var storage: [UInt8]
    /// Bytes of text in `storage`.
    @usableFromInline var length = 0
    public var count: Int { length }

    public init(capacity: Int = 1 << 16) {
        storage = [UInt8](repeating: 0, count: max(capacity, 64))
    }

    /// The text so far.
    public var bytes: ArraySlice<UInt8> { storage[0..<count] }

    /// Forgets the text, keeping the storage.
    public mutating func removeAll() { length = 0 }

    /// Writes one row of at most `maxBytes` bytes through a cursor. Inlinable, so that the row
    /// writer's closure is inlined into its caller rather than called through a context.
    @inlinable
    public mutating func row(maxBytes: Int, _ body: (inout TextCursor) -> Void) {
        reserve(maxBytes)
        let start = length
        length = storage.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            var cursor = TextCursor(base + start)
            body(&cursor)
            return cursor.pointer - base
        }
    }

    /// Appends text (UTF-8).
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in append(utf8) }
    }

    /// Appends bytes.
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        guard let source = bytes.baseAddress else { return }
        let start = length
        storage.withUnsafeMutableBufferPointer { buffer in
            (buffer.baseAddress! + start).update(from: source, count: bytes.count)
        }
        length += bytes.count
    }

    @inlinable
    mutating func reserve(_ more: Int) {
        if length + more > storage.count {
            storage.append(contentsOf: repeatElement(0, count: max(length + more - storage.count, storage.count)))
        }
    }
}

/// Writes ASCII at a position in a `TextBuffer`'s storage, inside `TextBuffer.row` (which made
/// room for the row).
///
/// Its writers are `@inline(always)` (the guaranteed form), not the `@inline(__always)` hint:
/// with the hint the optimizer kept `fixed`, `ascii` and `byte` as calls from the row writers
/// (callgrind), and a row is ten of them.
public struct TextCursor {
    @usableFromInline var pointer: UnsafeMutablePointer<UInt8>

    @usableFromInline init(_ pointer: UnsafeMutablePointer<UInt8>) { self.pointer = pointer }

    @inlinable @inline(always)
    public mutating func byte(_ byte: UInt8) {
        pointer.pointee = byte
        pointer += 1
    }

    /// ASCII text known at compile time (keys, punctuation).
    @inlinable @inline(always)
    public mutating func ascii(_ text: StaticString) {
        pointer.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        pointer += text.utf8CodeUnitCount
    }

    /// A number with `decimals` places (see `FixedDecimal`); at most `FixedDecimal.maxLength` bytes.
    @inlinable @inline(always)
    public mutating func fixed(_ value: Double, decimals: Int, nonFinite: FixedDecimal.NonFinite = .description) {
        pointer += FixedDecimal.write(value, decimals: decimals, nonFinite: nonFinite, to: pointer)
    }
}
