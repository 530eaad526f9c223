import FieldOpsStore
import Foundation
import Hummingbird
import Logging

/// The FieldOps HTTP application: the device sync endpoints, the dispatcher's endpoints, health and the OpenAPI
/// document, on one database. `fieldops serve` runs it; tests drive it in-process or over loopback.
public func buildApplication(
    database: AppDatabase, configuration: ServerConfiguration, logger: Logger = Logger(label: "fieldops.server")
) -> some ApplicationProtocol {
    let router = Router(context: FieldOpsRequestContext.self)
    router.add(middleware: ErrorMiddleware())
    router.get("/v1/health") { _, _ in
        try JSONBody.response(["status": "ok"])
    }
    router.get("/openapi.json") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: OpenAPIDocument.json)))
    }
    let sync = router.group("/v1/sync").add(middleware: AuthMiddleware(database: database))
    SyncController(database: database, configuration: configuration).addRoutes(to: sync)
    let dispatch = router.group("/v1/dispatch").add(middleware: AuthMiddleware(database: database))
    DispatchController(database: database, configuration: configuration).addRoutes(to: dispatch)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "FieldOps"),
        logger: logger)
}
