import { isNotFoundError, isUnavailableError, uniqueViolation } from "@leadmetrics/db";
import { AppError, codeForStatus, type ErrorCode, errorBody } from "@leadmetrics/errors";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { isRedisUnavailable } from "../lib/redis";

interface Mapped {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Fastify and plugin error codes that are the client's fault, with the code we answer. */
const FRAMEWORK_CODES: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: "PAYLOAD_TOO_LARGE" },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: "FILE_TOO_LARGE" },
  FST_FILES_LIMIT: { status: 413, code: "TOO_MANY_FILES" },
  FST_PARTS_LIMIT: { status: 413, code: "PAYLOAD_TOO_LARGE" },
  FST_FIELDS_LIMIT: { status: 413, code: "PAYLOAD_TOO_LARGE" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  FST_PROTO_VIOLATION: { status: 400, code: "INVALID_BODY" },
  FST_INVALID_JSON_FIELD_ERROR: { status: 400, code: "INVALID_BODY" },
  FST_MP_PREMATURE_CLOSE: { status: 400, code: "INVALID_BODY" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: "INVALID_BODY" },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: "INVALID_BODY" },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: "INVALID_BODY" },
  FST_ERR_HANDLER_TIMEOUT: { status: 503, code: "REQUEST_TIMEOUT" },
  FST_ERR_BAD_URL: { status: 400, code: "BAD_REQUEST" },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: "URI_TOO_LONG" },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: "BAD_REQUEST" },
};

export function mapError(err: unknown, production: boolean): Mapped {
  if (err instanceof AppError)
    return { status: err.statusCode, code: err.code, message: err.message, details: err.details };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => ({
      path: [
        (err as { validationContext?: string }).validationContext ?? "body",
        ...String(v.instancePath ?? "")
          .split("/")
          .filter(Boolean),
      ].join("."),
      message: v.message ?? "is invalid",
    }));
    return {
      status: 400,
      code: "VALIDATION_ERROR",
      message: production ? "Request validation failed" : describe(fields),
      details: { fields },
    };
  }
  if (isNotFoundError(err)) return { status: 404, code: "NOT_FOUND", message: "Resource not found" };
  const unique = uniqueViolation(err);
  if (unique)
    return {
      status: 409,
      code: "CONFLICT",
      message: "A record with the same unique value already exists",
      details: { fields: unique.target },
    };
  if (isUnavailableError(err) || isRedisUnavailable(err))
    return { status: 503, code: "SERVICE_UNAVAILABLE", message: "A backing service is unavailable; retry shortly" };

  const fe = err as Partial<FastifyError>;
  const known = fe.code ? FRAMEWORK_CODES[fe.code] : undefined;
  if (known) return { status: known.status, code: known.code, message: fe.message ?? known.code };
  if (
    !isResponseSerializationError(err) &&
    typeof fe.statusCode === "number" &&
    fe.statusCode >= 400 &&
    fe.statusCode < 500
  ) {
    return {
      status: fe.statusCode,
      code: codeForStatus(fe.statusCode),
      message: fe.message ?? "Bad request",
    };
  }
  return {
    status: 500,
    code: "INTERNAL_ERROR",
    message: production ? "Internal server error" : `Internal server error: ${(err as Error)?.message ?? String(err)}`,
  };
}

const describe = (fields: { path: string; message: string }[]) =>
  `Invalid request: ${fields.map((f) => `${f.path} ${f.message}`).join("; ")}`;

/**
 * Fastify's `frameworkErrors` option: errors raised while routing (a malformed URL, a path
 * parameter over `maxParamLength`), before any route or error handler runs, in the same shape.
 */
export function frameworkErrorHandler(production: boolean) {
  return (err: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
    const mapped = mapError(err, production);
    return reply
      .status(mapped.status)
      .send(errorBody(mapped.code, mapped.status === 414 ? "A path parameter is too long" : mapped.message));
  };
}

/** The one error handler: every error leaves as `{ error: { code, message, details? } }`. */
export function registerErrorHandling(app: FastifyInstance, production: boolean): void {
  const send = (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const mapped = mapError(err, production);
    if (mapped.status >= 500) req.log.error({ err }, "request failed");
    else req.log.info({ code: mapped.code, status: mapped.status }, mapped.message);
    if (mapped.status === 429 && (mapped.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds) {
      reply.header("retry-after", String((mapped.details as { retryAfterSeconds: number }).retryAfterSeconds));
    }
    return reply.status(mapped.status).send(errorBody(mapped.code, mapped.message, mapped.details));
  };
  app.setErrorHandler((err, req, reply) => send(err, req, reply));
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(errorBody("NOT_FOUND", `Route ${req.method} ${req.url.split("?")[0]} not found`)),
  );
}
