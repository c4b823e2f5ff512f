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

/** A connection-level failure: the database is unreachable, not the query wrong. */
export const isUnavailableError = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientInitializationError ||
  (err instanceof Prisma.PrismaClientKnownRequestError && ["P1001", "P1002", "P1017", "P2024"].includes(err.code)) ||
  (err instanceof Error && /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|timeout exceeded when trying to connect/i.test(err.message));
