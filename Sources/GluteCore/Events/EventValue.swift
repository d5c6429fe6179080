/// One field value of an event, typed so that encoders (JSONL, CSV) can write it without guessing.
public enum EventValue: Sendable, Equatable {
    case number(Double)
    case integer(Int)
    case string(String)
    case bool(Bool)
}
