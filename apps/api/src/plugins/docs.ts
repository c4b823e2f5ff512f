import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/** OpenAPI 3 generated from the routes' zod schemas; registered before the routes. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Leadmetrics API",
        version: "1.0.0",
        description:
          "The one HTTP entry of Leadmetrics v3. Errors always answer `{ error: { code, message, details? } }`. " +
          "Authenticate with `Authorization: Bearer <accessToken>` from `POST /auth/v1/login`.",
      },
      components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
      tags: [{ name: "health" }, { name: "auth" }, { name: "tenant" }, { name: "dm" }, { name: "admin" }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
}

export async function registerSwaggerUi(app: FastifyInstance): Promise<void> {
  await app.register(swaggerUi, { routePrefix: "/docs", staticCSP: true });
}
