import FieldOpsModel

/// The technician's break starts inside its window (`breakTime`); a break after the last job may be taken as soon
/// as the work is done.
enum BreakRule {
    /// When the break can start, arriving at `time`; `isLast` when no job follows it.
    @inline(__always)
    static func start(arriving time: Int, window: BreakWindow, isLast: Bool) -> Int {
        isLast ? time : max(time, window.earliest)
    }

    @inline(__always)
    static func breaks(start: Int, window: BreakWindow) -> Bool {
        start > window.latestStart
    }
}
