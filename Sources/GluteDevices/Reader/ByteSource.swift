/// Something a `SourceReader` can read: an open, non-blocking descriptor and a name for messages.
public protocol ByteSource: AnyObject, Sendable {
    /// Names the source in messages, such as `/dev/ttyACM0`.
    var sourceName: String { get }
    /// The non-blocking descriptor to poll and read. It must stay open while a reader runs on it:
    /// stop the reader before closing the source.
    var readDescriptor: CInt { get }
}
