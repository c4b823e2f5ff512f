import fc from "fast-check";

/** A JSON Schema (2020-12, as the OpenAPI 3.1 document carries it). */
export type JsonSchema = { [key: string]: unknown };

/** Inlines `#/components/schemas/X` references (the API's document has no recursive ones). */
export function deref(
  schema: unknown,
  doc: { components?: { schemas?: Record<string, JsonSchema> } },
  depth = 0,
): unknown {
  if (Array.isArray(schema)) return schema.map((s) => deref(s, doc, depth));
  if (!schema || typeof schema !== "object") return schema;
  const s = schema as JsonSchema;
  if (typeof s.$ref === "string") {
    const target = doc.components?.schemas?.[s.$ref.replace("#/components/schemas/", "")];
    if (!target || depth > 20) throw new Error(`unresolvable $ref ${s.$ref}`);
    const { $id: _id, $schema: _schema, ...rest } = target;
    return deref(rest, doc, depth + 1);
  }
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, deref(v, doc, depth)]));
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** String of the schema's format, pattern or length bounds (long strings capped at 200 characters). */
function stringArbitrary(s: JsonSchema, key: string | undefined): fc.Arbitrary<string> {
  const minLength = num(s.minLength) ?? 0;
  const maxLength = Math.max(minLength, Math.min(num(s.maxLength) ?? 40, 200));
  if (s.format === "uuid") return fc.uuid();
  if (s.format === "email" || key === "email")
    return fc.emailAddress().filter((e) => e.length >= minLength && e.length <= maxLength);
  if (s.format === "date")
    return fc
      .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === "date-time")
    return fc
      .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (s.format === "uri" || s.format === "url") return fc.webUrl();
  if (typeof s.pattern === "string")
    return fc
      .stringMatching(new RegExp(s.pattern))
      .filter((v) => v.length >= minLength && v.length <= (num(s.maxLength) ?? Infinity));
  return fc.string({ minLength, maxLength, unit: "grapheme" }).filter((v) => [...v].length <= maxLength);
}

/**
 * fast-check arbitrary of the values a JSON Schema accepts: objects with their properties
 * (required always, optional sometimes), enums and consts, strings by format, pattern and length,
 * numbers and integers within their bounds, arrays within their item counts, unions.
 */
export function arbitraryOf(schema: unknown, key?: string, depth = 0): fc.Arbitrary<unknown> {
  const s = (schema ?? {}) as JsonSchema;
  if (depth > 6) return fc.constant(null);
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const union = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(union)) return fc.oneof(...union.map((u) => arbitraryOf(u, key, depth + 1)));
  if (Array.isArray(s.allOf)) return arbitraryOf(Object.assign({}, ...(s.allOf as JsonSchema[])), key, depth + 1);
  if (Array.isArray(s.type))
    return fc.oneof(...(s.type as string[]).map((type) => arbitraryOf({ ...s, type }, key, depth + 1)));
  switch (s.type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer": {
      const min = num(s.minimum) ?? (num(s.exclusiveMinimum) !== undefined ? num(s.exclusiveMinimum)! + 1 : -1_000_000);
      const max = num(s.maximum) ?? (num(s.exclusiveMaximum) !== undefined ? num(s.exclusiveMaximum)! - 1 : 1_000_000);
      return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
    }
    case "number":
      return fc.double({
        min: num(s.minimum) ?? num(s.exclusiveMinimum) ?? -1e6,
        max: num(s.maximum) ?? num(s.exclusiveMaximum) ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
        minExcluded: s.exclusiveMinimum !== undefined,
        maxExcluded: s.exclusiveMaximum !== undefined,
      });
    case "string":
      return stringArbitrary(s, key);
    case "array": {
      const minLength = num(s.minItems) ?? 0;
      return fc.array(arbitraryOf(s.items, key, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(num(s.maxItems) ?? 3, 5)),
      });
    }
    case "object":
    case undefined: {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      if (s.type === undefined && !s.properties) return fc.jsonValue({ maxDepth: 2 });
      if (Object.keys(props).length === 0) {
        return s.additionalProperties === false
          ? fc.constant({})
          : fc.dictionary(
              fc.string({ maxLength: 12 }),
              arbitraryOf(s.additionalProperties === true ? {} : s.additionalProperties, undefined, depth + 1),
              { maxKeys: 3 },
            );
      }
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryOf(v, k, depth + 1)]));
      return fc.record(model, { requiredKeys: ((s.required ?? []) as string[]).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Hostile values: wrong types, empties, huge strings, injection shapes, odd unicode, prototypes. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    2 ** 63,
    0.5,
    "",
    " ",
    "0",
    "null",
    "undefined",
    "NaN",
    "-1",
    "1e999",
    [],
    {},
  ),
  fc.constantFrom(
    "' OR 1=1 --",
    '\'; DROP TABLE "User"; --',
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "%00",
    "\u0000",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, literally
    "${7*7}",
    "{{constructor.constructor('x')()}}",
    "$where",
    "\u202e\u0000\uffff",
    "\ud800",
    "Ａ\u0301\u200b\ufeff",
    "😀".repeat(300),
    "a".repeat(10_000),
  ),
  fc.string({ unit: "binary" }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
  fc.constant(JSON.parse('{"__proto__": {"admin": true}}') as unknown),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
);

export interface FuzzRequest {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

export type Mutation =
  | { op: "set"; value: unknown }
  | { op: "delete" }
  | { op: "proto" }
  | { op: "extra"; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: hostile.map((value) => ({ op: "set" as const, value })) },
  { weight: 1, arbitrary: fc.constant({ op: "delete" as const }) },
  { weight: 1, arbitrary: fc.constant({ op: "proto" as const }) },
  { weight: 1, arbitrary: hostile.map((value) => ({ op: "extra" as const, value })) },
);

const own = (target: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * One field of a request changed: the `pick`-th place (a location, a property, an array item)
 * gets a hostile value, is removed, gains an own `__proto__` key, or gains an unknown key.
 */
export function mutate(request: FuzzRequest, pick: number, m: Mutation): FuzzRequest {
  const copy = JSON.parse(
    JSON.stringify({ params: request.params, query: request.query, body: request.body ?? null }),
  ) as Record<string, unknown>;
  if (request.body === undefined) copy.body = undefined;
  const places: [Record<string, unknown>, string][] = [];
  const walk = (parent: Record<string, unknown>, key: string) => {
    places.push([parent, key]);
    const v = parent[key];
    if (v && typeof v === "object") for (const k of Object.keys(v)) walk(v as Record<string, unknown>, k);
  };
  for (const location of ["params", "query", "body"]) walk(copy, location);
  const [parent, key] = places[pick % places.length]!;
  const target = parent[key];
  if (m.op === "set") own(parent, key, m.value);
  else if (m.op === "delete") delete parent[key];
  else if (target && typeof target === "object" && !Array.isArray(target))
    own(
      target as Record<string, unknown>,
      m.op === "proto" ? "__proto__" : "unexpectedField",
      m.op === "proto" ? { admin: true, tenantId: "00000000-0000-0000-0000-000000000000" } : m.value,
    );
  else own(parent, key, m.op === "proto" ? JSON.parse('{"__proto__": {"admin": true}}') : m.value);
  return {
    params: (copy.params ?? {}) as Record<string, unknown>,
    query: (copy.query ?? {}) as Record<string, unknown>,
    body: copy.body,
  };
}
