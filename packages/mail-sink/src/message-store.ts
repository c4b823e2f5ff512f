import { randomUUID } from "node:crypto";
import type { AddressObject, ParsedMail } from "mailparser";

/** One caught email, as the web page and the JSON API show it. */
export interface StoredMessage {
  id: string;
  /** ISO 8601. */
  receivedAt: string;
  /** The From header's address(es), as written ("Name <addr>"). */
  from: string;
  /** Bare addresses from the To header. */
  to: string[];
  cc: string[];
  subject: string;
  html: string | null;
  text: string | null;
  /** Every header line, lower-cased names; repeated headers are joined with a newline. */
  headers: Record<string, string>;
  /** What the SMTP client said in MAIL FROM / RCPT TO (Bcc recipients only show here). */
  envelope: { mailFrom: string | null; rcptTo: string[] };
  /** Size of the raw message in bytes. */
  size: number;
}

type Listener = (message: StoredMessage) => void;

/** Newest-last, bounded: a runaway loop sending mail must not exhaust the dev machine's memory. */
export function createMessageStore(maxMessages: number) {
  let items: StoredMessage[] = [];
  const listeners = new Set<Listener>();
  return {
    add(parsed: ParsedMail, envelope: StoredMessage["envelope"], size: number): StoredMessage {
      const message: StoredMessage = {
        id: randomUUID(),
        receivedAt: new Date().toISOString(),
        from: parsed.from?.text ?? "",
        to: addresses(parsed.to),
        cc: addresses(parsed.cc),
        subject: parsed.subject ?? "",
        html: typeof parsed.html === "string" ? parsed.html : null,
        text: parsed.text ?? null,
        headers: headerRecord(parsed.headerLines),
        envelope,
        size,
      };
      items.push(message);
      if (items.length > maxMessages) items = items.slice(items.length - maxMessages);
      for (const l of listeners) l(message);
      return message;
    },
    /** Newest first. */
    list(): StoredMessage[] {
      return [...items].reverse();
    },
    get(id: string): StoredMessage | undefined {
      return items.find((m) => m.id === id);
    },
    clear(): void {
      items = [];
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type MessageStore = ReturnType<typeof createMessageStore>;

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) =>
    a.value.flatMap((v) => (v.address ? [v.address] : (v.group ?? []).map((g) => g.address ?? ""))),
  );
}

function headerRecord(lines: ParsedMail["headerLines"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, line } of lines) {
    // `line` is the raw "Name: value" (possibly folded); keep only the unfolded value.
    const value = line
      .slice(line.indexOf(":") + 1)
      .replace(/\r?\n[ \t]+/g, " ")
      .trim();
    out[key] = key in out ? `${out[key]}\n${value}` : value;
  }
  return out;
}
