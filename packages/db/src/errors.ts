import { Prisma } from "./generated/prisma/client";

/** Prisma's "record not found" for update/delete/…OrThrow. */
export const isNotFoundError = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025";

/** A unique constraint refused the write; `target` names the fields when Prisma knows them. */
export function uniqueViolation(err: unknown): { target: string[] } | undefined {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") return undefined;
  const target = (err.meta as { target?: unknown } | undefined)?.target;
  return { target: Array.isArray(target) ? target.map(String) : [] };
}

/** Driver-adapter error kinds that mean "the database is not there right now". */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
/** PostgreSQL SQLSTATEs of the same meaning: connection exceptions (08…), shutdown/restart (57P01–57P03), too many connections. */
const UNAVAILABLE_SQLSTATE = /^(08\w{3}|57P0[123]|53300)$/;

interface AdapterCause {
  kind?: string;
  code?: string;
  originalCode?: string;
}

/** The driver adapter's own description of an error, wherever Prisma put it. */
function adapterCauses(err: unknown): AdapterCause[] {
  const e = err as
    | { name?: string; cause?: AdapterCause; meta?: { driverAdapterError?: { cause?: AdapterCause } } }
    | undefined;
  return [e?.name === "DriverAdapterError" ? e.cause : undefined, e?.meta?.driverAdapterError?.cause].filter(
    (c): c is AdapterCause => !!c,
  );
}

/**
 * A connection-level failure: the database is unreachable or restarting, not the query wrong.
 * Answered as 503 (retry shortly), never as 500.
 */
export const isUnavailableError = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientInitializationError ||
  (err instanceof Prisma.PrismaClientKnownRequestError && ["P1001", "P1002", "P1017", "P2024"].includes(err.code)) ||
  adapterCauses(err).some(
    (c) => UNAVAILABLE_KINDS.has(c.kind ?? "") || UNAVAILABLE_SQLSTATE.test(c.originalCode ?? c.code ?? ""),
  ) ||
  // A statement of the thin SQL layer fails with pg's own error, its SQLSTATE in `code`.
  (err instanceof Error && UNAVAILABLE_SQLSTATE.test(String((err as { code?: unknown }).code ?? ""))) ||
  (err instanceof Error &&
    /ECONNREFUSED|ECONNRESET|Connection terminated|encountered a connection error|connect ETIMEDOUT|timeout exceeded when trying to connect/i.test(
      err.message,
    ));
