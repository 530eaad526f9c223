import FieldOpsSync
import Foundation

/// The OpenAPI 3 document served at `/openapi.json`. Written out by hand from the protocol page; a test walks it
/// against the running server so that it stays true.
enum OpenAPIDocument {
    /// Every operation: path, method, summary, the role of its token, request and response schemas, the success
    /// status and the error statuses it can answer (beyond 400, 401, 403, 413 and 503, which every authenticated
    /// operation can).
    struct Operation {
        var path: String
        var method: String
        var summary: String
        var role: String?
        var request: String?
        var response: String
        var status = "200"
        var errors: [String: String] = [:]
    }

    static let operations: [Operation] = [
        Operation(path: "/v1/health", method: "get", summary: "Health check", response: "Health"),
        Operation(path: "/openapi.json", method: "get", summary: "This document", response: "Document"),
        Operation(path: "/v1/sync/push", method: "post", summary: "Push a device's queued mutations (applied once each, in id order)",
                  role: "technician", request: "PushRequest", response: "PushResponse"),
        Operation(path: "/v1/sync/pull", method: "post", summary: "Pull the changes in the device's scope after a cursor, one page",
                  role: "technician", request: "PullRequest", response: "PullResponse"),
        Operation(path: "/v1/dispatch/import", method: "post", summary: "Import a problem file (technicians, vans, warehouses, parts, orders, initial stock)",
                  role: "dispatcher", request: "Problem", response: "ImportResponse", errors: ["422": "Every problem found in the file (invalid_problem)"]),
        Operation(path: "/v1/dispatch/optimize", method: "post", summary: "Plan the open orders and publish the assignments (one optimization at a time)",
                  role: "dispatcher", request: "OptimizeRequest", response: "OptimizeResponse",
                  errors: ["409": "Another optimization is running (optimize_running)", "422": "Nothing imported yet (nothing_imported)"]),
        Operation(path: "/v1/dispatch/assign", method: "post", summary: "Give a work order to a technician (refused on site or later)",
                  role: "dispatcher", request: "AssignRequest", response: "AssignResponse",
                  errors: ["422": "Unknown order or technician, or the order is under way (cannot_reassign)"]),
        Operation(path: "/v1/dispatch/tokens", method: "post", summary: "Issue a technician's token (returned once), valid for validDays (default 90)",
                  role: "dispatcher", request: "TokenRequest", response: "TokenResponse", status: "201",
                  errors: ["422": "Unknown technician (unknown_technician)"]),
        Operation(path: "/v1/dispatch/tokens", method: "get", summary: "Every token with its id, role, expiry and revocation (never a secret)",
                  role: "dispatcher", response: "Tokens"),
        Operation(path: "/v1/dispatch/tokens/{id}", method: "delete", summary: "Revoke a token by its id; its next request gets 401",
                  role: "dispatcher", response: "TokenInfo", errors: ["404": "No active token with this id (unknown_token)"]),
        Operation(path: "/v1/dispatch/exceptions", method: "get", summary: "What the dispatcher and the stock controller must look at",
                  role: "dispatcher", response: "Exceptions"),
    ]

    /// The methods a concrete path takes (`{id}` matches one segment), or nil for a path the server does not know.
    static func methods(forPath path: String) -> [String]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let methods = operations.filter { operation in
            let template = operation.path.split(separator: "/", omittingEmptySubsequences: false)
            return template.count == segments.count
                && zip(template, segments).allSatisfy { $0.hasPrefix("{") ? !$1.isEmpty : $0 == $1 }
        }.map { $0.method.uppercased() }
        return methods.isEmpty ? nil : methods
    }

    static func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
        var schema: [String: Any] = ["type": "object", "properties": properties]
        if !required.isEmpty { schema["required"] = required }
        return schema
    }

    static var string: [String: Any] { ["type": "string"] }
    static var integer: [String: Any] { ["type": "integer", "format": "int64"] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static var instant: [String: Any] { ["type": "string", "format": "date-time"] }
    static var deviceId: [String: Any] { ["type": "string", "minLength": 1, "maxLength": 200, "description": "A UUID the device makes once"] }
    static var protocolVersion: [String: Any] { ["type": "integer", "enum": [1]] }
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    static func integer(_ range: ClosedRange<Int64>) -> [String: Any] {
        ["type": "integer", "format": "int64", "minimum": range.lowerBound, "maximum": range.upperBound]
    }

    static let outcomeCodes = [
        "not_assigned", "invalid_args", "invalid_basis", "unknown_mutation", "illegal_transition", "reassigned", "note_id_conflict",
        "reassignment_conflict", "negative_van_stock", "serial_unknown", "unknown_part", "idempotency_conflict", "value_out_of_range",
        "quantity_out_of_range",
    ]

    static var schemas: [String: Any] {
        [
            "Health": object(["status": string, "optimizing": boolean], required: ["status", "optimizing"]),
            "Document": ["type": "object", "description": "An OpenAPI 3.0 document"],
            "Error": object(["error": object(["code": string, "message": string], required: ["code", "message"])], required: ["error"]),
            "Mutation": object([
                "id": integer(1...Int64.max),
                "name": ["type": "string", "enum": ["workOrder.setStatus", "workOrder.addNote", "stock.consume", "stock.returnDefective"],
                         "description": "Another name is answered with a rejected outcome (unknown_mutation), not refused"],
                "clientTime": ["type": "string", "format": "date-time"],
                "args": ["type": "object", "description": "workOrder.setStatus: workOrderId, status (enRoute, onSite, onHold, resolved), basisAssignment, note?; workOrder.addNote: workOrderId, noteId, text (at most 10000 characters); stock.consume and stock.returnDefective: entryId, workOrderId, partId, quantity (1 to 1000000000), serial?. Arguments that do not fit are a rejected outcome (invalid_args), never a refusal of the push."],
            ], required: ["id", "name", "args"]),
            "PushRequest": object(["deviceId": deviceId, "protocolVersion": protocolVersion,
                                   "mutations": ["type": "array", "items": ref("Mutation"), "maxItems": 1000]],
                                  required: ["deviceId", "protocolVersion", "mutations"]),
            "MutationOutcome": object([
                "id": integer, "status": ["type": "string", "enum": ["applied", "appliedWithException", "rejected"]],
                "code": ["type": "string", "description": "Every non-applied outcome has one: " + outcomeCodes.joined(separator: ", ")],
                "message": string,
            ], required: ["id", "status"]),
            "PushResponse": object([
                "lastMutationId": integer, "outcomes": array(ref("MutationOutcome")),
                "gap": ["type": "boolean", "description": "Present and true when processing stopped at a mutation past lastMutationId + 1"],
            ], required: ["lastMutationId", "outcomes"]),
            "PullRequest": object(["deviceId": deviceId, "protocolVersion": protocolVersion, "cursor": ["type": "string", "nullable": true],
                                   "limit": ["type": "integer", "minimum": 1, "maximum": SyncEngine.maxPullLimit, "nullable": true]],
                                  required: ["deviceId", "protocolVersion"]),
            "Change": object([
                "entity": ["type": "string", "enum": ["workOrder", "note", "stockBalance", "part"]], "op": ["type": "string", "enum": ["put", "remove"]],
                "id": string, "version": integer,
                "data": ["type": "object", "description": "workOrder: the order with technicianId, assignmentVersion, status, priority, site, windows, plannedStart, plannedEnd, requiredParts and notes (extension: a removed order's notes leave the device with it); note: noteId, workOrderId, text; stockBalance: location, partId, onHand, reserved; part: id, name, unit, serialized, standardCost"],
            ], required: ["entity", "op", "id", "version"]),
            "PullResponse": object([
                "cursor": string, "hasMore": boolean, "lastMutationId": integer, "changes": array(ref("Change")), "reset": boolean,
            ], required: ["cursor", "hasMore", "lastMutationId", "changes"]),
            "Problem": ["type": "object", "description": "A problem file as in docs/problem-format.md"],
            "ImportResponse": object(["technicians": integer, "ordersAdded": integer, "ordersUpdated": integer, "parts": integer],
                                     required: ["technicians", "ordersAdded", "ordersUpdated", "parts"]),
            "OptimizeRequest": object(["timeLimitSeconds": ["type": "number", "minimum": 0, "maximum": 60], "seed": integer(0...Int64.max)]),
            "OptimizeResponse": object([
                "score": object(["hard": integer, "medium": integer, "soft": integer], required: ["hard", "medium", "soft"]),
                "assigned": integer, "reassigned": integer, "unassigned": integer, "unchanged": integer, "unassignedOrders": array(string),
            ], required: ["score", "assigned", "reassigned", "unassigned", "unchanged", "unassignedOrders"]),
            "AssignRequest": object(["workOrderId": string, "technicianId": string], required: ["workOrderId", "technicianId"]),
            "AssignResponse": object(["workOrderId": string, "technicianId": string, "previousTechnicianId": string, "assignmentVersion": integer],
                                     required: ["workOrderId", "technicianId", "assignmentVersion"]),
            "TokenRequest": object(["technicianId": string, "validDays": integer(1...3660)], required: ["technicianId"]),
            "TokenResponse": object(["technicianId": string, "token": string, "id": string, "expiresAt": instant],
                                    required: ["technicianId", "token", "id"]),
            "TokenInfo": object([
                "id": string, "role": ["type": "string", "enum": ["technician", "dispatcher"]], "technicianId": string,
                "createdAt": instant, "expiresAt": instant, "revokedAt": instant,
            ], required: ["id", "role", "createdAt"]),
            "Tokens": array(ref("TokenInfo")),
            "Exceptions": array(object(["id": integer, "kind": string, "workOrder": string, "technicianId": string, "message": string, "createdAt": instant],
                                       required: ["id", "kind", "message", "createdAt"])),
        ]
    }

    static var document: [String: Any] {
        var paths: [String: [String: Any]] = [:]
        func response(_ description: String, _ schema: String) -> [String: Any] {
            ["description": description, "content": ["application/json": ["schema": ref(schema)]]]
        }
        for operation in operations {
            var responses: [String: Any] = [operation.status: response("OK", operation.response)]
            if operation.role != nil {
                responses["400"] = response("Malformed body, or a value outside its range", "Error")
                responses["401"] = response("Missing, unknown, expired or revoked token", "Error")
                responses["403"] = response("Token of the wrong kind, or device bound to another technician", "Error")
                responses["413"] = response("Body over the limit", "Error")
                responses["503"] = response("Temporarily unavailable (busy, or the server's disk is full); nothing was applied", "Error")
            }
            for (status, description) in operation.errors { responses[status] = response(description, "Error") }
            var entry: [String: Any] = [
                "summary": operation.summary, "operationId": "\(operation.method) \(operation.path)", "responses": responses,
            ]
            if let request = operation.request {
                entry["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(request)]]]
            }
            if operation.path.contains("{id}") {
                entry["parameters"] = [["name": "id", "in": "path", "required": true, "schema": ["type": "string", "minLength": 1]]]
            }
            if let role = operation.role { entry["security"] = [["bearer": []]]; entry["x-role"] = role }
            paths[operation.path, default: [:]][operation.method] = entry
        }
        return [
            "openapi": "3.0.3",
            "info": ["title": "FieldOps sync and dispatch API", "version": "1", "description": "The device contract of shared/sync-protocol.md, version 1"],
            "paths": paths,
            "components": ["schemas": schemas, "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
        ]
    }

    static var json: Data {
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data("{}".utf8)
    }
}
