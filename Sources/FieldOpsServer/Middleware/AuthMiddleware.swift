import FieldOpsModel
import FieldOpsStore
import Hummingbird

/// Reads `Authorization: Bearer <token>` and puts the token's principal in the context; 401 without a known,
/// unexpired and unrevoked one.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = FieldOpsRequestContext
    let database: AppDatabase
    let clock: @Sendable () -> Instant

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError(.unauthorized, "missing_token", "send Authorization: Bearer <token>")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let principal = try await database.principal(forToken: token, at: clock()) else {
            throw APIError(.unauthorized, "unknown_token", "the token is unknown, expired or revoked")
        }
        var context = context
        context.principal = principal
        return try await next(request, context)
    }
}
