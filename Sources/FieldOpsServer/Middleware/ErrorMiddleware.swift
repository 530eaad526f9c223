import FieldOpsStore
import GRDB
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

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
            let status: HTTPResponse.Status = switch error.code.kind {
            case .invalidArgument: .badRequest
            case .notFound: .notFound
            case .forbidden: .forbidden
            case .refused: .unprocessableContent
            }
            throw APIError(status, error.code.name, error.message)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            context.logger.error("database full", metadata: ["error": "\(error)"])
            throw APIError(.serviceUnavailable, "storage_full", "the server's disk is full; nothing was applied; retry later")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_IOERR {
            context.logger.error("database I/O error", metadata: ["error": "\(error)"])
            throw APIError(.serviceUnavailable, "storage_error", "the server could not write to its disk; nothing was applied; retry later")
        } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
            context.logger.warning("database busy", metadata: ["error": "\(error)"])
            throw APIError(.serviceUnavailable, "temporarily_unavailable", "the database is busy; nothing was applied, retry later")
        } catch let error as HTTPError {
            if error.status == .notFound, let allowed = OpenAPIDocument.methods(forPath: request.uri.path), !allowed.isEmpty {
                throw APIError(.methodNotAllowed, "method_not_allowed", "\(request.uri.path) takes \(allowed.joined(separator: ", "))",
                               allow: allowed)
            }
            let code = error.status == .notFound ? "not_found" : (error.status == .contentTooLarge ? "body_too_large" : "http_error")
            throw APIError(error.status, code, error.body ?? error.status.reasonPhrase)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "body_too_large", "the request body is larger than the server accepts")
        } catch where Self.isTruncatedBody(error) {
            throw APIError(.badRequest, "truncated_body", "the request ended before its body was complete")
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "type": "\(type(of: error))", "path": "\(request.uri.path)"])
            throw APIError(.internalServerError, "internal_error", "the server failed; the error is logged")
        }
    }

    /// The client stopped sending in the middle of the body: NIO's parser reports "stream ended at an unexpected
    /// time", and a closed channel is the same story from the other side.
    static func isTruncatedBody(_ error: any Error) -> Bool {
        if error is HTTPParserError { return true }
        if let error = error as? ChannelError {
            switch error {
            case .ioOnClosedChannel, .alreadyClosed, .eof, .inputClosed: return true
            default: return false
            }
        }
        return false
    }
}
