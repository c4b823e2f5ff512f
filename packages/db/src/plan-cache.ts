/**
 * A query plan cache for Prisma's query compiler.
 *
 * Prisma 6 compiles every query (a JSON document) into a plan in WebAssembly, on the main thread,
 * each time it runs: about a third of a busy process's CPU. Queries of one shape differ only in
 * their values, and the compiler accepts placeholders (`{ $type: "Param" }`) that its interpreter
 * fills from `placeholderValues` when it runs the plan. So a query's scalar values in `where` and
 * `data` become placeholders, the plan of that shape is compiled once and kept, and each run
 * hands over its own values. (Prisma 7.4 ships the same idea; its CLI cannot run here.)
 *
 * Only values whose meaning cannot change the plan are lifted: strings, numbers and booleans
 * compared for equality or order, or written to a column. Nulls (`IS NULL`), lists (`IN`), text
 * patterns (`contains`), tagged values (dates, JSON, decimals), relation writes, paging and
 * upserts stay in the shape. A shape the compiler refuses with placeholders is remembered and compiled as
 * before. The patched runtime (patches/@prisma__client@6.19.3.patch) calls `compile` here.
 */

interface QueryCompiler {
  compile(request: string): unknown;
}

interface JsonQuery {
  modelName?: string;
  action: string;
  query: { arguments?: Record<string, unknown>; selection?: unknown };
}

/** Filter operators whose operand is a single comparable value. */
const VALUE_OPERATORS = new Set(["equals", "not", "lt", "lte", "gt", "gte"]);
/** Where-clause keys whose content is itself a where clause. */
const WHERE_COMBINATORS = new Set(["AND", "OR", "NOT", "some", "every", "none", "is", "isNot"]);
/** Atomic number updates in `data`. */
const NUMBER_UPDATES = new Set(["set", "increment", "decrement", "multiply", "divide"]);

const isLiftable = (v: unknown): v is string | number | boolean =>
  typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean";
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !("$type" in v);

/** The client's view of the schema (its `_runtimeDataModel`): each model's fields by kind and type. */
export interface DataModel {
  models: Record<string, { fields: { name: string; kind: string; type: string }[] }>;
}

/** Column types whose values the compiler binds as they are. */
const BINDABLE_SCALARS = new Set(["String", "Int", "Float", "Boolean"]);

type FieldKind = "bindable" | "relation" | "other";

type FieldFacts = { kind: FieldKind; type: string };
const indexes = new WeakMap<DataModel, Map<string, Map<string, FieldFacts>>>();

/** Each model's fields by name, built once per schema: every query is parameterized on a hot path. */
function fieldIndex(dataModel: DataModel): Map<string, Map<string, FieldFacts>> {
  let index = indexes.get(dataModel);
  if (index) return index;
  index = new Map(
    Object.entries(dataModel.models).map(([model, { fields }]) => [
      model,
      new Map(
        fields.map((f): [string, FieldFacts] => [
          f.name,
          f.kind === "object"
            ? { kind: "relation", type: f.type }
            : { kind: f.kind === "enum" || BINDABLE_SCALARS.has(f.type) ? "bindable" : "other", type: f.type },
        ]),
      ),
    ]),
  );
  indexes.set(dataModel, index);
  return index;
}

/**
 * The query with its liftable values replaced by placeholders, and those values by name. A value
 * is lifted only where the schema says its field binds as it is (a JSON column's string is JSON
 * text, not a string parameter).
 */
export function parameterize(
  query: JsonQuery,
  dataModel: DataModel,
): { shape: JsonQuery; values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  let count = 0;
  const lift = (v: string | number | boolean) => {
    const name = `p${count++}`;
    values[name] = v;
    return { $type: "Param", value: name };
  };
  const fields = fieldIndex(dataModel);
  const field = (model: string, name: string) => fields.get(model)?.get(name);

  const where = (clause: unknown, model: string): unknown => {
    if (Array.isArray(clause)) return clause.map((c) => where(c, model));
    if (!isPlainObject(clause)) return clause;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(clause)) {
      const f = field(model, key);
      if (WHERE_COMBINATORS.has(key)) out[key] = where(value, model);
      else if (f?.kind === "relation") out[key] = where(value, f.type);
      else if (f?.kind === "bindable" && isLiftable(value)) out[key] = lift(value);
      else if (f?.kind === "bindable" && isPlainObject(value)) out[key] = filter(value);
      // A compound unique key (`tenantId_id: { tenantId, id }`) names fields of the same model.
      else if (!f && isPlainObject(value)) out[key] = where(value, model);
      else out[key] = value;
    }
    return out;
  };
  // A bindable field's filter: `{ gte: 5 }`, `{ not: "x" }`, `{ in: [...] }`.
  const filter = (f: Record<string, unknown>): unknown => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(f)) {
      if (VALUE_OPERATORS.has(key) && isLiftable(value)) out[key] = lift(value);
      else if (key === "not" && isPlainObject(value)) out[key] = filter(value);
      else out[key] = value;
    }
    return out;
  };
  const data = (d: unknown, model: string): unknown => {
    if (!isPlainObject(d)) return d;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(d)) {
      const bindable = field(model, key)?.kind === "bindable";
      const update = isPlainObject(value) ? Object.entries(value) : [];
      if (bindable && isLiftable(value)) out[key] = lift(value);
      else if (bindable && update.length === 1 && NUMBER_UPDATES.has(update[0]![0]) && isLiftable(update[0]![1]))
        out[key] = { [update[0]![0]]: lift(update[0]![1]) };
      else out[key] = value; // relation writes, lists, JSON, dates, decimals, null
    }
    return out;
  };

  const args = query.query.arguments;
  const model = query.modelName;
  // An upsert is one `INSERT … ON CONFLICT` only when the compiler sees that its unique key and
  // its row agree: with placeholders it falls back to a read, then a write (not atomic).
  if (!args || !model || query.action === "upsertOne") return { shape: query, values };
  const lifted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (key === "where") lifted[key] = where(value, model);
    else if (key === "data" || key === "create" || key === "update") lifted[key] = data(value, model);
    else lifted[key] = value;
  }
  return { shape: { ...query, query: { ...query.query, arguments: lifted } }, values };
}

export interface PlanCacheStats {
  hits: number;
  misses: number;
  /** Shapes the compiler refused with placeholders: compiled whole every time. */
  refused: number;
  size: number;
}

export interface PlanCache {
  /** Called by the patched Prisma runtime in place of `compiler.compile(request)`. */
  compile(
    compiler: QueryCompiler,
    query: JsonQuery,
    request: string,
    placeholderValues: Record<string, unknown>,
  ): unknown;
  stats(): PlanCacheStats;
}

/** A bounded cache of compiled plans by query shape (least recently used out first). */
export function createPlanCache(dataModel: DataModel, maxShapes = 1_000): PlanCache {
  // A plan, or null for a shape the compiler refused with placeholders.
  const plans = new Map<string, unknown>();
  const counts = { hits: 0, misses: 0, refused: 0 };
  return {
    compile(compiler, query, request, placeholderValues) {
      const { shape, values } = parameterize(query, dataModel);
      if (Object.keys(values).length === 0) return compiler.compile(request);
      const key = JSON.stringify(shape);
      const cached = plans.get(key);
      if (cached === null) return compiler.compile(request);
      if (cached !== undefined) {
        counts.hits++;
        plans.delete(key);
        plans.set(key, cached);
        Object.assign(placeholderValues, values);
        return cached;
      }
      counts.misses++;
      let plan: unknown;
      try {
        plan = compiler.compile(key);
      } catch {
        counts.refused++;
        plans.set(key, null);
        return compiler.compile(request);
      }
      plans.set(key, plan);
      if (plans.size > maxShapes) plans.delete(plans.keys().next().value as string);
      Object.assign(placeholderValues, values);
      return plan;
    },
    stats: () => ({ ...counts, size: plans.size }),
  };
}
