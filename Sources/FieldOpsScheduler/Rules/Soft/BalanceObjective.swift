import FieldOpsModel

/// Load balance: the square of a day's working minutes, scaled so that the last minute of an 8-hour day costs
/// about two points (`weights.imbalanceMinute`). For a fixed amount of work the sum is smallest when days are
/// equally long.
enum BalanceObjective {
    @inline(__always)
    static func cost(workingMinutes: Int, _ weights: ScoreWeights) -> Int {
        workingMinutes * workingMinutes * weights.imbalanceMinute / 480
    }
}
