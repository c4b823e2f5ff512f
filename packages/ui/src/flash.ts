/**
 * The one-shot message a server action leaves for the page it redirects to ("Invitation sent.",
 * "Jane Doe could not be removed: …"): a short-lived cookie the next page shows as a toast and
 * then drops. Shared by the server (`flash` in ./server) and the browser (the Toaster).
 */
export const FLASH_COOKIE = "lm_flash";

export type Flash = { id: string; kind: "success" | "error"; message: string };

export function encodeFlash(flash: Flash): string {
  return encodeURIComponent(JSON.stringify(flash));
}

/** The cookie's value as a flash, or null when it is not one (tampered, truncated, old). */
export function parseFlash(raw: string): Flash | null {
  try {
    // The value may arrive encoded once more than written (the framework encodes cookie values).
    let text = raw;
    for (let i = 0; i < 3 && !text.startsWith("{"); i++) text = decodeURIComponent(text);
    const v = JSON.parse(text) as Partial<Flash>;
    if (typeof v.id !== "string" || typeof v.message !== "string") return null;
    if (v.kind !== "success" && v.kind !== "error") return null;
    return { id: v.id, kind: v.kind, message: v.message.slice(0, 500) };
  } catch {
    return null;
  }
}
