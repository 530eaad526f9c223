import FieldOpsModel

extension Solver {
    /// The search's generator state for a user's seed: small seeds (1, 2, 3) would otherwise start SplitMix64 on
    /// neighbouring states.
    public static func scrambled(_ seed: UInt64) -> UInt64 { seed &* 0x2545_F491_4F6C_DD1D &+ 1 }
}
