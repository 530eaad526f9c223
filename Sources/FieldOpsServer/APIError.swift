import FieldOpsSync
import Foundation
import Hummingbird

/// An error as the protocol writes it: a status and `{"error": {"code": …, "message": …}}`.
struct APIError: HTTPResponseError {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    /// For 405: the methods the path does take.
    var allow: [String] = []

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String, allow: [String] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.allow = allow
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONEncoder().encode(SyncErrorBody(code: code, message: message))
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if status == .serviceUnavailable { headers[.retryAfter] = "1" }
        if !allow.isEmpty { headers[.allow] = allow.joined(separator: ", ") }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
