/// GluteCore turns samples into classified events. It is pure: no file descriptors, no clocks;
/// time comes only from sample timestamps, so the same input always gives the same events.
public enum GluteCore {
    public static let schemaVersion = 1
}
