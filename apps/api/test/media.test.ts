import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { DEMO_ACCOUNTS } from "@leadmetrics/db";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, type LoginResult, type TestApp } from "./helpers";

let t: TestApp;
let acme: LoginResult;
let globex: LoginResult;

// Real image headers (a complete 1×1 PNG; the others are their magic bytes followed by data).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
  randomBytes(2048),
  Buffer.from([0xff, 0xd9]),
]);
const GIF = Buffer.concat([Buffer.from("GIF89a", "latin1"), randomBytes(64)]);
const WEBP = Buffer.concat([
  Buffer.from("RIFF", "latin1"),
  Buffer.from([0x24, 0, 0, 0]),
  Buffer.from("WEBPVP8 ", "latin1"),
  randomBytes(64),
]);
const HTML = Buffer.from(
  "<!doctype html><html><body><script>fetch('/tenant/v1/members').then(r=>r.text()).then(alert)</script></body></html>",
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');

interface Part {
  field?: string;
  filename?: string;
  type?: string;
  bytes?: Uint8Array;
  value?: string;
}

/** A real multipart/form-data body, encoded by the platform's FormData (boundary and all). */
async function form(parts: Part[]): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const fd = new FormData();
  for (const p of parts) {
    if (p.bytes)
      fd.append(
        p.field ?? "file",
        new Blob([p.bytes], { type: p.type ?? "application/octet-stream" }),
        p.filename ?? "upload.bin",
      );
    else fd.append(p.field ?? "note", p.value ?? "");
  }
  const req = new Request("http://localhost/", { method: "POST", body: fd });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { "content-type": req.headers.get("content-type")! },
  };
}

const upload = async (token: string, parts: Part[]) => {
  const body = await form(parts);
  return t.app.inject({
    method: "POST",
    url: "/tenant/v1/media",
    headers: { ...bearer(token), ...body.headers },
    payload: body.payload,
  });
};
const get = (token: string, url: string) => t.app.inject({ method: "GET", url, headers: bearer(token) });

/** Every file under STORAGE_DIR (relative paths), sorted. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(t.config.STORAGE_DIR, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(t.config.STORAGE_DIR, path.join(e.parentPath, e.name)))
    .sort();
}

const state = async () => ({
  rows: await t.db.mediaAsset.count(),
  audit: await t.db.auditLog.count({ where: { action: { startsWith: "media." } } }),
  files: await storedFiles(),
});

/** The refusal's status and code, with nothing written: no row, no audit entry, no file. */
async function expectRefused(send: () => Promise<LightMyRequestResponse>, status: number, code: string) {
  const before = await state();
  const res = await send();
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(errorOf(res).code).toBe(code);
  expect(await state()).toEqual(before);
  return res;
}

beforeAll(async () => {
  t = await createTestApp();
  acme = await t.login(DEMO_ACCOUNTS.acmeOwner);
  globex = await t.login(DEMO_ACCOUNTS.globexOwner);
});
afterAll(() => t.close());

describe("media uploads: happy path", () => {
  it("uploads png + jpeg, lists newest first, serves identical bytes with safe headers, deletes row and file", async () => {
    const res = await upload(acme.accessToken, [
      { filename: "../../etc/Hero shot<script>.PNG.html", type: "text/html", bytes: PNG },
      { field: "second", filename: "photo.jpeg", type: "image/png", bytes: JPEG },
      { field: "caption", value: "ignored text field" },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const { items } = res.json() as {
      items: {
        id: string;
        filename: string;
        contentType: string;
        byteSize: number;
        sha256: string;
        uploadedById: string;
      }[];
    };
    expect(items).toHaveLength(2);
    const [png, jpeg] = items as [(typeof items)[0], (typeof items)[0]];
    // The type comes from the bytes, never from the client's content type or file name.
    expect(png).toMatchObject({
      contentType: "image/png",
      byteSize: PNG.length,
      sha256: createHash("sha256").update(PNG).digest("hex"),
      uploadedById: acme.session.userId,
    });
    expect(jpeg).toMatchObject({
      contentType: "image/jpeg",
      byteSize: JPEG.length,
      sha256: createHash("sha256").update(JPEG).digest("hex"),
      filename: "photo.jpg",
    });
    expect(png.filename).toBe("Hero-shot-script-PNG.png");

    // Bytes on disk under <tenantId>/<uuid>, identical to what was sent.
    const rows = await t.db.mediaAsset.findMany({ where: { id: { in: [png.id, jpeg.id] } } });
    for (const row of rows) {
      expect(row.storageKey).toMatch(new RegExp(`^${acme.session.tenantId}/[0-9a-f-]{36}$`));
      expect(await readFile(path.join(t.config.STORAGE_DIR, row.storageKey))).toEqual(row.id === png.id ? PNG : JPEG);
    }
    expect(
      await t.db.auditLog.count({ where: { action: "media.uploaded", targetId: { in: [png.id, jpeg.id] } } }),
    ).toBe(2);

    const third = (
      await upload(acme.accessToken, [
        { filename: "anim.gif", bytes: GIF },
        { filename: "", bytes: WEBP },
      ])
    ).json() as { items: { id: string; filename: string; contentType: string }[] };
    expect(third.items.map((i) => [i.contentType, i.filename])).toEqual([
      ["image/gif", "anim.gif"],
      ["image/webp", "image.webp"],
    ]);

    const list = (await get(acme.accessToken, "/tenant/v1/media")).json() as { items: { id: string }[]; total: number };
    expect(list.total).toBe(4);
    expect(list.items.map((i) => i.id)).toEqual([third.items[1]!.id, third.items[0]!.id, jpeg.id, png.id]);
    expect((await get(acme.accessToken, `/tenant/v1/media/${png.id}`)).json()).toEqual(png);

    const file = await get(acme.accessToken, `/tenant/v1/media/${png.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload).toEqual(PNG);
    expect(createHash("sha256").update(file.rawPayload).digest("hex")).toBe(png.sha256);
    expect(file.headers["content-type"]).toBe("image/png");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.headers["content-disposition"]).toBe('inline; filename="Hero-shot-script-PNG.png"');
    expect(file.headers["content-security-policy"]).toContain("sandbox");
    expect((await get(acme.accessToken, `/tenant/v1/media/${jpeg.id}/file`)).rawPayload).toEqual(JPEG);

    const key = rows.find((r) => r.id === png.id)!.storageKey;
    const del = await t.app.inject({
      method: "DELETE",
      url: `/tenant/v1/media/${png.id}`,
      headers: bearer(acme.accessToken),
    });
    expect(del.statusCode).toBe(204);
    expect(await t.db.mediaAsset.count({ where: { id: png.id } })).toBe(0);
    expect(await storedFiles()).not.toContain(key);
    expect(await t.db.auditLog.count({ where: { action: "media.deleted", targetId: png.id } })).toBe(1);
    expect((await get(acme.accessToken, `/tenant/v1/media/${png.id}`)).statusCode).toBe(404);
    expect((await get(acme.accessToken, `/tenant/v1/media/${png.id}/file`)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "DELETE", url: `/tenant/v1/media/${png.id}`, headers: bearer(acme.accessToken) }))
        .statusCode,
    ).toBe(404);
  });
});

describe("media uploads: refusals write nothing", () => {
  it("a file over 10 MB → 413 FILE_TOO_LARGE (the multipart stream's truncation is detected), even after an accepted file", async () => {
    expect(t.config.MEDIA_MAX_BYTES).toBe(10 * 1024 * 1024);
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 1 - PNG.length)]);
    const res = await expectRefused(
      () => upload(acme.accessToken, [{ filename: "big.png", type: "image/png", bytes: big }]),
      413,
      "FILE_TOO_LARGE",
    );
    expect(errorOf(res).details).toEqual({ maxBytes: 10 * 1024 * 1024 });
    // Exactly at the limit is fine; the first file stored, then the second too large: both refused.
    await expectRefused(
      () =>
        upload(acme.accessToken, [
          { filename: "ok.png", bytes: PNG },
          { filename: "big.png", bytes: big },
        ]),
      413,
      "FILE_TOO_LARGE",
    );
    const exact = await upload(acme.accessToken, [{ filename: "exact.png", bytes: big.subarray(0, 10 * 1024 * 1024) }]);
    expect(exact.statusCode).toBe(201);
  });

  it("more than 10 files → 413 TOO_MANY_FILES, and the ten already stored are removed", async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => ({ filename: `f${i}.png`, bytes: PNG }));
    await expectRefused(() => upload(acme.accessToken, eleven), 413, "TOO_MANY_FILES");
  });

  it("no file → 400 NO_FILE (fields only, or an empty form)", async () => {
    await expectRefused(() => upload(acme.accessToken, [{ field: "caption", value: "no file here" }]), 400, "NO_FILE");
    await expectRefused(() => upload(acme.accessToken, []), 400, "NO_FILE");
  });

  it("not an image → 415 UNSUPPORTED_MEDIA_TYPE: HTML claiming image/png, SVG with script, text, an empty file; a good file beside a bad one is not kept", async () => {
    await expectRefused(
      () => upload(acme.accessToken, [{ filename: "cat.png", type: "image/png", bytes: HTML }]),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectRefused(
      () => upload(acme.accessToken, [{ filename: "logo.svg", type: "image/svg+xml", bytes: SVG }]),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectRefused(
      () => upload(acme.accessToken, [{ filename: "notes.txt", type: "text/plain", bytes: Buffer.from("hello") }]),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectRefused(
      () => upload(acme.accessToken, [{ filename: "empty.png", type: "image/png", bytes: Buffer.alloc(0) }]),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectRefused(
      () =>
        upload(acme.accessToken, [
          { filename: "ok.jpg", bytes: JPEG },
          { filename: "x.png", type: "image/png", bytes: HTML },
        ]),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });

  it("a request that is not multipart → 415; a malformed multipart body → 400", async () => {
    const send = (headers: Record<string, string>, payload?: string | Buffer) => () =>
      t.app.inject({
        method: "POST",
        url: "/tenant/v1/media",
        headers: { ...bearer(acme.accessToken), ...headers },
        payload,
      });
    await expectRefused(
      send({ "content-type": "application/json" }, JSON.stringify({ files: ["iVBORw0KGgo="] })),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectRefused(send({ "content-type": "text/plain" }, PNG.toString("latin1")), 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectRefused(send({ "content-type": "image/png" }, PNG), 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectRefused(send({}), 415, "UNSUPPORTED_MEDIA_TYPE");
    await expectRefused(send({ "content-type": "multipart/form-data" }, "no boundary"), 400, "INVALID_MULTIPART");
    // Cut off in the middle of the file: the form never ends.
    const whole = await form([{ filename: "a.png", bytes: PNG }]);
    await expectRefused(
      send(whole.headers, whole.payload.subarray(0, whole.payload.length - 60)),
      400,
      "INVALID_MULTIPART",
    );
  });

  it("a JSON body over the 1 MB body limit → 413 PAYLOAD_TOO_LARGE in the uniform shape, on the upload route and on any JSON route", async () => {
    const huge = JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) });
    for (const url of ["/tenant/v1/media", "/tenant/v1/plans", "/tenant/v1/workspace"]) {
      const method = url.endsWith("workspace") ? "PATCH" : "POST";
      await expectRefused(
        () =>
          t.app.inject({
            method,
            url,
            headers: { ...bearer(acme.accessToken), "content-type": "application/json" },
            payload: huge,
          }),
        413,
        "PAYLOAD_TOO_LARGE",
      );
    }
  });

  it("the row fails after the file was written → the file is removed (no orphan)", async () => {
    // A real database failure: a trigger refuses the insert, as a constraint or an outage would.
    await t.db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_media() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql`,
    );
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_media BEFORE INSERT ON "MediaAsset" FOR EACH ROW EXECUTE FUNCTION refuse_media()`,
    );
    try {
      const before = await state();
      const res = await upload(acme.accessToken, [
        { filename: "a.png", bytes: PNG },
        { filename: "b.jpg", bytes: JPEG },
      ]);
      expect(res.statusCode).toBe(500);
      expect(errorOf(res).code).toBe("INTERNAL_ERROR");
      expect(await state()).toEqual(before);
    } finally {
      await t.db.$executeRawUnsafe(`DROP TRIGGER refuse_media ON "MediaAsset"`);
      await t.db.$executeRawUnsafe(`DROP FUNCTION refuse_media()`);
    }
  });
});

describe("media across tenants", () => {
  it("another tenant gets 404 on read, file and delete; the row and file stay as they were", async () => {
    const { items } = (await upload(acme.accessToken, [{ filename: "acme.png", bytes: PNG }])).json() as {
      items: { id: string }[];
    };
    const id = items[0]!.id;
    const row = await t.db.mediaAsset.findUniqueOrThrow({ where: { id } });
    for (const [method, url] of [
      ["GET", `/tenant/v1/media/${id}`],
      ["GET", `/tenant/v1/media/${id}/file`],
      ["DELETE", `/tenant/v1/media/${id}`],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: bearer(globex.accessToken) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(errorOf(res).code).toBe("NOT_FOUND");
    }
    const list = (await get(globex.accessToken, "/tenant/v1/media")).json() as { items: unknown[]; total: number };
    expect(list).toMatchObject({ items: [], total: 0 });
    expect(await t.db.mediaAsset.findUniqueOrThrow({ where: { id } })).toEqual(row);
    expect(await readFile(path.join(t.config.STORAGE_DIR, row.storageKey))).toEqual(PNG);
    // Globex's own upload lands under Globex's tenant id.
    const mine = (await upload(globex.accessToken, [{ filename: "g.gif", bytes: GIF }])).json() as {
      items: { id: string }[];
    };
    const globexRow = await t.db.mediaAsset.findUniqueOrThrow({ where: { id: mine.items[0]!.id } });
    expect(globexRow.storageKey.startsWith(`${globex.session.tenantId}/`)).toBe(true);
  });

  it("needs a workspace member: anonymous 401", async () => {
    const body = await form([{ filename: "a.png", bytes: PNG }]);
    const before = await state();
    const res = await t.app.inject({
      method: "POST",
      url: "/tenant/v1/media",
      headers: body.headers,
      payload: body.payload,
    });
    expect(res.statusCode).toBe(401);
    expect(await state()).toEqual(before);
  });
});
