import Foundation

/// The OpenAPI 3 document served at `/openapi.json`. Written out by hand from the protocol page; a test walks it
/// against the running server so that it stays true.
enum OpenAPIDocument {
    static let operations: [(path: String, method: String, summary: String, auth: String?, request: String?, response: String)] = [
        ("/v1/health", "get", "Health check", nil, nil, "Health"),
        ("/openapi.json", "get", "This document", nil, nil, "Document"),
        ("/v1/sync/push", "post", "Push a device's queued mutations (applied once each, in id order)", "technician", "PushRequest", "PushResponse"),
        ("/v1/sync/pull", "post", "Pull the changes in the device's scope after a cursor, one page", "technician", "PullRequest", "PullResponse"),
        ("/v1/dispatch/import", "post", "Import a problem file (technicians, vans, warehouses, parts, orders, initial stock)", "dispatcher", "Problem", "ImportResponse"),
        ("/v1/dispatch/optimize", "post", "Plan the open orders and publish the assignments", "dispatcher", "OptimizeRequest", "OptimizeResponse"),
        ("/v1/dispatch/assign", "post", "Give a work order to a technician (refused on site or later)", "dispatcher", "AssignRequest", "AssignResponse"),
        ("/v1/dispatch/tokens", "post", "Issue a technician's token (returned once), valid for validDays (default 90)", "dispatcher", "TokenRequest", "TokenResponse"),
        ("/v1/dispatch/tokens", "get", "Every token with its id, role, expiry and revocation (never a secret)", "dispatcher", nil, "Tokens"),
        ("/v1/dispatch/tokens/{id}", "delete", "Revoke a token by its id; its next request gets 401", "dispatcher", nil, "TokenInfo"),
        ("/v1/dispatch/exceptions", "get", "What the dispatcher and the stock controller must look at", "dispatcher", nil, "Exceptions"),
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
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }

    static var schemas: [String: Any] {
        [
            "Health": object(["status": string], required: ["status"]),
            "Document": ["type": "object", "description": "An OpenAPI 3.0 document"],
            "Error": object(["error": object(["code": string, "message": string], required: ["code", "message"])], required: ["error"]),
            "Mutation": object([
                "id": integer, "name": ["type": "string", "enum": ["workOrder.setStatus", "workOrder.addNote", "stock.consume", "stock.returnDefective"]],
                "clientTime": ["type": "string", "format": "date-time"],
                "args": ["type": "object", "description": "workOrder.setStatus: workOrderId, status (enRoute, onSite, onHold, resolved), basisAssignment, note?; workOrder.addNote: workOrderId, noteId, text; stock.consume and stock.returnDefective: entryId, workOrderId, partId, quantity (> 0), serial?"],
            ], required: ["id", "name", "args"]),
            "PushRequest": object(["deviceId": string, "protocolVersion": integer, "mutations": array(ref("Mutation"))], required: ["deviceId", "protocolVersion", "mutations"]),
            "MutationOutcome": object([
                "id": integer, "status": ["type": "string", "enum": ["applied", "appliedWithException", "rejected"]], "code": string, "message": string,
            ], required: ["id", "status"]),
            "PushResponse": object(["lastMutationId": integer, "outcomes": array(ref("MutationOutcome"))], required: ["lastMutationId", "outcomes"]),
            "PullRequest": object(["deviceId": string, "protocolVersion": integer, "cursor": ["type": "string", "nullable": true], "limit": integer], required: ["deviceId", "protocolVersion"]),
            "Change": object([
                "entity": ["type": "string", "enum": ["workOrder", "note", "stockBalance", "part"]], "op": ["type": "string", "enum": ["put", "remove"]],
                "id": string, "version": integer,
                "data": ["type": "object", "description": "workOrder: the order with technicianId, assignmentVersion, status, priority, site, windows, plannedStart, plannedEnd, requiredParts and notes (extension: a removed order's notes leave the device with it); note: noteId, workOrderId, text; stockBalance: location, partId, onHand, reserved; part: id, name, unit, serialized, standardCost"],
            ], required: ["entity", "op", "id", "version"]),
            "PullResponse": object([
                "cursor": string, "hasMore": boolean, "lastMutationId": integer, "changes": array(ref("Change")), "reset": boolean,
            ], required: ["cursor", "hasMore", "lastMutationId", "changes"]),
            "Problem": ["type": "object", "description": "A problem file as in docs/problem-format.md"],
            "ImportResponse": object(["technicians": integer, "ordersAdded": integer, "ordersUpdated": integer, "parts": integer]),
            "OptimizeRequest": object(["timeLimitSeconds": ["type": "number"], "seed": integer]),
            "OptimizeResponse": object([
                "score": object(["hard": integer, "medium": integer, "soft": integer]), "assigned": integer, "reassigned": integer,
                "unassigned": integer, "unchanged": integer, "unassignedOrders": array(string),
            ]),
            "AssignRequest": object(["workOrderId": string, "technicianId": string], required: ["workOrderId", "technicianId"]),
            "AssignResponse": object(["workOrderId": string, "technicianId": string, "previousTechnicianId": string, "assignmentVersion": integer]),
            "TokenRequest": object(["technicianId": string], required: ["technicianId"]),
            "TokenResponse": object(["technicianId": string, "token": string]),
            "Exceptions": array(object(["id": integer, "kind": string, "workOrder": string, "technicianId": string, "message": string, "createdAt": string])),
        ]
    }

    static var document: [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            var responses: [String: Any] = [
                "200": ["description": "OK", "content": ["application/json": ["schema": ref(operation.response)]]],
            ]
            if operation.auth != nil {
                responses["400"] = ["description": "Malformed body", "content": ["application/json": ["schema": ref("Error")]]]
                responses["401"] = ["description": "Missing or unknown token", "content": ["application/json": ["schema": ref("Error")]]]
                responses["403"] = ["description": "Token of the wrong kind, or device bound to another technician", "content": ["application/json": ["schema": ref("Error")]]]
                responses["413"] = ["description": "Body over the limit", "content": ["application/json": ["schema": ref("Error")]]]
                responses["422"] = ["description": "Well-formed but invalid", "content": ["application/json": ["schema": ref("Error")]]]
                responses["503"] = ["description": "Temporarily unavailable; nothing was applied", "content": ["application/json": ["schema": ref("Error")]]]
            }
            var entry: [String: Any] = ["summary": operation.summary, "operationId": operation.path, "responses": responses]
            if let request = operation.request {
                entry["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(request)]]]
            }
            if let auth = operation.auth { entry["security"] = [["bearer": []]]; entry["x-role"] = auth }
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
