import FieldOpsStore
import Hummingbird

/// The request context: who the bearer token belongs to, once the auth middleware has looked.
public struct FieldOpsRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var principal: Principal?

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
    }
}
