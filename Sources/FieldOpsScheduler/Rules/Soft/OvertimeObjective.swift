import FieldOpsModel

/// Work past the shift end (within the allowance the shift rule sets) costs `weights.overtimeMinute` per minute.
enum OvertimeObjective {
    @inline(__always)
    static func cost(minutes: Int, _ weights: ScoreWeights) -> Int { minutes * weights.overtimeMinute }
}
