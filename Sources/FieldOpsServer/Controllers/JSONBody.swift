import Foundation
import Hummingbird
import NIOCore

/// Request bodies read with a size limit and decoded with errors that name the field.
enum JSONBody {
    /// The body's bytes, at most `limit` of them (413 past that), never empty.
    static func bytes(of request: Request, limit: Int) async throws -> [UInt8] {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "body_too_large", "the request body is larger than \(limit) bytes")
        }
        guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "empty_body", "the request needs a JSON body") }
        return Array(buffer.readableBytesView)
    }

    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let data = Data(try await bytes(of: request, limit: limit))
        guard !data.isEmpty else { throw APIError(.badRequest, "empty_body", "the request needs a JSON body") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw APIError(.badRequest, "malformed_json", "the body is not valid JSON")
        } catch let DecodingError.keyNotFound(key, context) {
            throw APIError(.badRequest, "invalid_body", "missing field \(path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(type, context) {
            throw APIError(.badRequest, "invalid_body", "\(path(context.codingPath)) must be \(describe(type))")
        } catch let DecodingError.valueNotFound(type, context) {
            throw APIError(.badRequest, "invalid_body", "\(path(context.codingPath)) must be \(describe(type)), not null")
        } catch let DecodingError.dataCorrupted(context) {
            throw APIError(.badRequest, "invalid_body", "\(path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw APIError(.badRequest, "malformed_json", "the body is not valid JSON")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text.isEmpty ? "the body" : text
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "of another type"
        }
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        let data = try JSONEncoder().encode(value)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
