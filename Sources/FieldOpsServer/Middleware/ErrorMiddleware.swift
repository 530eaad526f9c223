import FieldOpsStore
import GRDB
import Hummingbird
import Logging

/// Turns every error into the protocol's JSON error body: store refusals into 4xx, a busy database into 503
/// (retry later: nothing was applied), anything else into a logged 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = FieldOpsRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as StoreError {
            switch error.code {
            case "device_bound_elsewhere": throw APIError(.forbidden, error.code, error.message)
            case "invalid_device": throw APIError(.badRequest, error.code, error.message)
            default: throw APIError(.unprocessableContent, error.code, error.message)
            }
        } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR].contains(error.resultCode) {
            context.logger.warning("database unavailable", metadata: ["error": "\(error)"])
            throw APIError(.serviceUnavailable, "temporarily_unavailable", "the database is busy; nothing was applied, retry later")
        } catch let error as HTTPError {
            let code = error.status == .notFound ? "not_found" : (error.status == .contentTooLarge ? "body_too_large" : "http_error")
            throw APIError(error.status, code, error.body ?? error.status.reasonPhrase)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "body_too_large", "the request body is larger than the server accepts")
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            throw APIError(.internalServerError, "internal_error", "the server failed; the error is logged")
        }
    }
}
