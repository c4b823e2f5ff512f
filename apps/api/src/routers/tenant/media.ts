import { createHash } from "node:crypto";
import { writeAudit } from "@leadmetrics/db";
import { AppError, notFound } from "@leadmetrics/errors";
import { createStorage, newStorageKey, type Storage } from "@leadmetrics/storage";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import { errorResponses, errorSchema, idParams, page, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

/** Files per upload request (the plugin-wide multipart limit is higher; this route asks for fewer). */
export const MEDIA_MAX_FILES = 10;

/** The image types blog posts take, recognised by their first bytes, never by what the client says. */
const IMAGE_TYPES = [
  {
    contentType: "image/png",
    ext: "png",
    test: (b: Buffer) =>
      b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    contentType: "image/jpeg",
    ext: "jpg",
    test: (b: Buffer) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    contentType: "image/gif",
    ext: "gif",
    test: (b: Buffer) => b.length >= 6 && /^GIF8[79]a$/.test(b.toString("latin1", 0, 6)),
  },
  {
    contentType: "image/webp",
    ext: "webp",
    test: (b: Buffer) =>
      b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP",
  },
] as const;
export const MEDIA_CONTENT_TYPES = IMAGE_TYPES.map((t) => t.contentType);

export const sniffImage = (bytes: Buffer) => IMAGE_TYPES.find((t) => t.test(bytes));

/**
 * A display name that is safe in a header and a file system: the client's base name without its
 * extension, reduced to ASCII letters, digits, `_-`, at most 80 characters, with the extension of
 * the sniffed type.
 */
export function safeFilename(given: string | undefined, ext: string): string {
  const base = (given ?? "").split(/[\\/]/).pop() ?? "";
  const stem = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\.[^.]*$/, "")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 80)
    .replace(/[-_]+$/, "");
  return `${stem || "image"}.${ext}`;
}

const mediaSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.enum(MEDIA_CONTENT_TYPES as [string, ...string[]]),
  byteSize: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedById: z.uuid().nullable(),
  createdAt: z.string(),
});
type Row = {
  id: string;
  filename: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  uploadedById: string | null;
  createdAt: Date;
};
const toMedia = (m: Row) => ({
  id: m.id,
  filename: m.filename,
  contentType: m.contentType,
  byteSize: m.byteSize,
  sha256: m.sha256,
  uploadedById: m.uploadedById,
  createdAt: m.createdAt.toISOString(),
});

/** Documents the multipart body; the route reads the stream itself (see `req.parts()`). */
const uploadBody = z.object({
  files: z
    .array(z.string().meta({ format: "binary" }))
    .min(1)
    .max(MEDIA_MAX_FILES)
    .describe("One or more images (png, jpeg, webp, gif), any field name"),
});
/** The file route's 200 in the OpenAPI document: raw bytes under each image type (errors stay JSON). */
export const imageBytes = z.string().meta({
  description: "The image bytes, with their sniffed content type",
  content: Object.fromEntries(
    MEDIA_CONTENT_TYPES.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
  ),
});
type MediaFileRow = { id: string; storageKey: string; contentType: string; filename: string };

/** A library image's bytes as they were uploaded, never sniffed or run by a browser; 404 when it is gone. */
export async function sendMediaFile(
  req: FastifyRequest,
  reply: FastifyReply,
  storage: Storage,
  row: MediaFileRow | null,
): Promise<FastifyReply> {
  if (!row) throw notFound("Media");
  const bytes = await storage.get(row.storageKey);
  if (!bytes) {
    req.log.error({ mediaId: row.id, storageKey: row.storageKey }, "media row without stored bytes");
    throw notFound("Media file");
  }
  return (
    reply
      .header("content-type", row.contentType)
      .header("content-length", String(bytes.length))
      .header("x-content-type-options", "nosniff")
      // The filename is sanitised to [A-Za-z0-9._-]: nothing to escape in the quoted string.
      .header("content-disposition", `inline; filename="${row.filename}"`)
      .header("content-security-policy", "default-src 'none'; sandbox")
      .header("cache-control", "private, max-age=300")
      // A Buffer is sent as is (no serializer); the schema's string type is for the document.
      .send(bytes as unknown as string)
  );
}

const uploadErrors = { ...errorResponses, 413: errorSchema, 415: errorSchema };

const tooLarge = (max: number) =>
  new AppError(413, "FILE_TOO_LARGE", `A file is larger than the limit of ${max} bytes`, { maxBytes: max });

/** Errors of the multipart stream: the plugin's own (FST_*) are mapped by the error handler; busboy's are a malformed body. */
function multipartError(err: unknown, maxBytes: number): unknown {
  const code = (err as { code?: unknown }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE") return tooLarge(maxBytes);
  if (err instanceof AppError || (typeof code === "string" && code.startsWith("FST_"))) return err;
  return new AppError(400, "INVALID_MULTIPART", `Malformed multipart body: ${(err as Error)?.message ?? "unreadable"}`);
}

/** Tenant media: images for blog posts, bytes in object storage, metadata in MediaAsset rows. */
export const mediaRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const storage = createStorage({ dir: ctx.config.STORAGE_DIR });
    const maxBytes = ctx.config.MEDIA_MAX_BYTES;

    /** Reads every file of the request; each one is stored as soon as it is accepted. Returns what was stored. */
    async function receive(req: FastifyRequest, tenantId: string, stored: { key: string }[]) {
      if (!req.isMultipart()) throw new AppError(415, "UNSUPPORTED_MEDIA_TYPE", "Upload images as multipart/form-data");
      const accepted: { key: string; filename: string; contentType: string; bytes: Buffer }[] = [];
      const parsing = async <T>(step: () => Promise<T>): Promise<T> => {
        try {
          return await step();
        } catch (err) {
          throw multipartError(err, maxBytes);
        }
      };
      const parts = await parsing(async () => req.parts({ limits: { fileSize: maxBytes, files: MEDIA_MAX_FILES } }));
      for (;;) {
        const next = await parsing(() => parts.next());
        if (next.done) break;
        const part = next.value;
        if (part.type !== "file") continue;
        const bytes = await parsing(() => part.toBuffer());
        if (part.file.truncated || bytes.length > maxBytes) throw tooLarge(maxBytes);
        const type = sniffImage(bytes);
        if (!type)
          throw new AppError(
            415,
            "UNSUPPORTED_MEDIA_TYPE",
            "Only png, jpeg, webp and gif images are accepted (the type is read from the file's bytes)",
            { allowed: MEDIA_CONTENT_TYPES },
          );
        const key = newStorageKey(tenantId);
        stored.push({ key });
        await storage.put(key, bytes);
        accepted.push({ key, filename: safeFilename(part.filename, type.ext), contentType: type.contentType, bytes });
      }
      if (accepted.length === 0) throw new AppError(400, "NO_FILE", "Attach at least one image file");
      return accepted;
    }

    app.post(
      "/media",
      {
        // The body is a stream read by the handler; the schema is for the OpenAPI document only.
        validatorCompiler: () => () => true,
        schema: {
          tags: ["tenant"],
          consumes: ["multipart/form-data"],
          body: uploadBody,
          response: { 201: z.object({ items: z.array(mediaSchema) }), ...uploadErrors },
        },
      },
      async (req, reply) => {
        const t = tenantOf(req);
        const stored: { key: string }[] = [];
        try {
          const files = await receive(req, t.tenantId, stored);
          // Files first, then the rows; if the rows fail, the files go (no orphan, no row without bytes).
          const rows = await t.db.$transaction(async (tx) => {
            const created = [];
            for (const f of files) {
              const sha256 = createHash("sha256").update(f.bytes).digest("hex");
              const row = await tx.mediaAsset.create({
                data: {
                  tenantId: t.tenantId,
                  filename: f.filename,
                  contentType: f.contentType,
                  byteSize: f.bytes.length,
                  sha256,
                  storageKey: f.key,
                  uploadedById: t.userId,
                },
              });
              await writeAudit(tx, {
                actorId: t.userId,
                action: "media.uploaded",
                targetType: "MediaAsset",
                targetId: row.id,
                requestId: req.id,
                metadata: { filename: f.filename, contentType: f.contentType, byteSize: f.bytes.length, sha256 },
              });
              created.push(row);
            }
            return created;
          });
          return reply.status(201).send({ items: rows.map(toMedia) });
        } catch (err) {
          await Promise.allSettled(stored.map((s) => storage.delete(s.key)));
          throw err;
        }
      },
    );

    app.get(
      "/media",
      {
        schema: {
          tags: ["tenant"],
          querystring: paginationQuery,
          response: { 200: page(mediaSchema), ...errorResponses },
        },
      },
      async (req) => {
        const t = tenantOf(req);
        const [items, total] = await Promise.all([
          t.db.mediaAsset.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...skipTake(req.query) }),
          t.db.mediaAsset.count(),
        ]);
        return { items: items.map(toMedia), total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    app.get(
      "/media/:id",
      { schema: { tags: ["tenant"], params: idParams, response: { 200: mediaSchema, ...errorResponses } } },
      async (req) => {
        const row = await tenantOf(req).db.mediaAsset.findFirst({ where: { id: req.params.id } });
        if (!row) throw notFound("Media");
        return toMedia(row);
      },
    );

    app.get(
      "/media/:id/file",
      {
        schema: {
          tags: ["tenant"],
          params: idParams,
          response: { 200: imageBytes, ...errorResponses },
        },
      },
      async (req, reply) =>
        sendMediaFile(
          req,
          reply,
          storage,
          await tenantOf(req).db.mediaAsset.findFirst({ where: { id: req.params.id } }),
        ),
    );

    app.delete(
      "/media/:id",
      { schema: { tags: ["tenant"], params: idParams, response: { 204: z.null(), ...errorResponses } } },
      async (req, reply) => {
        const t = tenantOf(req);
        const row = await t.db.$transaction(async (tx) => {
          const found = await tx.mediaAsset.findFirst({ where: { id: req.params.id } });
          if (!found) throw notFound("Media");
          const removed = await tx.mediaAsset.deleteMany({ where: { id: found.id } });
          if (removed.count !== 1) throw notFound("Media");
          await writeAudit(tx, {
            actorId: t.userId,
            action: "media.deleted",
            targetType: "MediaAsset",
            targetId: found.id,
            requestId: req.id,
            metadata: { filename: found.filename, sha256: found.sha256 },
          });
          return found;
        });
        // The row is gone first: a failed file removal leaves an unreachable file, never a row without bytes.
        await storage
          .delete(row.storageKey)
          .catch((err: unknown) => req.log.warn({ err, storageKey: row.storageKey }, "media file not removed"));
        return reply.status(204).send(null);
      },
    );
  };
