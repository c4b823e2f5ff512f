/**
 * Every error code the platform answers with, in one list: clients branch on these, so a new
 * code is added here (and nowhere else) and a misspelt one does not compile.
 */
export const ERROR_CODES = [
  // Requests the caller can fix
  "BAD_REQUEST",
  "VALIDATION_ERROR",
  "INVALID_BODY",
  "URI_TOO_LONG",
  "PAYLOAD_TOO_LARGE",
  "FILE_TOO_LARGE",
  "TOO_MANY_FILES",
  "NO_FILE",
  "INVALID_MULTIPART",
  "UNSUPPORTED_MEDIA_TYPE",
  // Who you are and what you may do
  "UNAUTHORIZED",
  "TOKEN_EXPIRED",
  "INVALID_TOKEN",
  "INVALID_CREDENTIALS",
  "ACCOUNT_LOCKED",
  "FORBIDDEN",
  "TENANT_SUSPENDED",
  "TENANT_SCOPE_VIOLATION",
  "RATE_LIMITED",
  // The state of the thing asked about
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_TRANSITION",
  "INVALID_STATE",
  "STALE_VERSION",
  "EMAIL_TAKEN",
  "ALREADY_MEMBER",
  "LAST_OWNER",
  "INSUFFICIENT_CREDITS",
  "NEGATIVE_BALANCE",
  "NOT_REPLAYABLE",
  "ALREADY_REPLAYED",
  "INVALID_JOB_PAYLOAD",
  "CHANNEL_CHECK_FAILED",
  // The platform
  "NOT_READY",
  "SERVICE_UNAVAILABLE",
  "QUEUE_UNAVAILABLE",
  "REQUEST_TIMEOUT",
  "INTERNAL_ERROR",
  // Only ever answered for a bare HTTP status (codeForStatus)
  "METHOD_NOT_ALLOWED",
  "NOT_ACCEPTABLE",
  "HEADERS_TOO_LARGE",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  500: "INTERNAL_ERROR",
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  406: "NOT_ACCEPTABLE",
  408: "REQUEST_TIMEOUT",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  414: "URI_TOO_LONG",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
  431: "HEADERS_TOO_LARGE",
  503: "SERVICE_UNAVAILABLE",
};

/** The code for an HTTP status when only the status is known (a framework's or a plugin's answer). */
export const codeForStatus = (status: number): ErrorCode =>
  STATUS_CODES[status] ?? (status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");

/**
 * The one error type of the platform. Every HTTP error answers
 * `{ error: { code, message, details? } }`; workers record the same code and message.
 */
export class AppError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(statusCode: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export const errorBody = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

export const badRequest = (message: string, details?: unknown) => new AppError(400, "BAD_REQUEST", message, details);
export const validationError = (message: string, details?: unknown) =>
  new AppError(400, "VALIDATION_ERROR", message, details);
export const unauthorized = (message = "Authentication required") => new AppError(401, "UNAUTHORIZED", message);
export const forbidden = (message = "You do not have access to this resource") =>
  new AppError(403, "FORBIDDEN", message);
export const notFound = (what = "Resource") => new AppError(404, "NOT_FOUND", `${what} not found`);
export const conflict = (message: string, details?: unknown) => new AppError(409, "CONFLICT", message, details);
export const rateLimited = (message: string, retryAfterSeconds?: number) =>
  new AppError(429, "RATE_LIMITED", message, retryAfterSeconds === undefined ? undefined : { retryAfterSeconds });
