/**
 * What a writer's answer says so far, while it is still arriving. Writers answer in JSON
 * (`{"title": …, "body": …}`, or `{"text": …}` for a social post); a half-written answer does not
 * parse, so the string fields are read up to where the text stops.
 */
export interface PartialDraft {
  title: string;
  body: string;
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** The value of a string field, decoded as far as it has arrived ("" when it has not started). */
function stringField(raw: string, name: string): string {
  const start = new RegExp(`"${name}"\\s*:\\s*"`).exec(raw);
  if (!start) return "";
  let out = "";
  for (let i = start.index + start[0].length; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '"') break;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = raw[i + 1];
    // An escape cut in half by the end of a chunk: wait for the rest.
    if (next === undefined) break;
    if (next === "u") {
      const hex = raw.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += 5;
    } else {
      out += ESCAPES[next] ?? next;
      i += 1;
    }
  }
  return out;
}

export function partialDraft(raw: string): PartialDraft {
  // Not JSON (a plain-text writer): the text is the draft.
  if (!raw.trimStart().startsWith("{")) return { title: "", body: raw };
  return { title: stringField(raw, "title"), body: stringField(raw, "body") || stringField(raw, "text") };
}
