"use client";
import DOMPurify from "dompurify";
import { marked } from "marked";
import { useId, useMemo, useState } from "react";

/** A markdown textarea with a live preview, submitted as a normal form field. */
export function MarkdownEditor(props: { name: string; label: string; defaultValue?: string }) {
  const id = useId();
  const [value, setValue] = useState(props.defaultValue ?? "");
  const [tab, setTab] = useState<"edit" | "preview">("edit");
  // The text may come from a model that read untrusted pages: markdown may carry raw HTML or
  // javascript: links, so the preview (rendered only in the browser, on click) is sanitised.
  const html = useMemo(
    () => (tab === "preview" ? DOMPurify.sanitize(marked.parse(value, { async: false }) as string) : ""),
    [tab, value],
  );
  return (
    <div className="mb-4">
      <div className="mb-1 flex items-center justify-between">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {props.label}
        </label>
        <div role="tablist" className="flex gap-1 text-xs">
          {(["edit", "preview"] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={`rounded px-2 py-1 ${tab === t ? "bg-indigo-100 text-indigo-800" : "text-slate-600"}`}
            >
              {t === "edit" ? "Write" : "Preview"}
            </button>
          ))}
        </div>
      </div>
      <textarea
        id={id}
        name={props.name}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        rows={14}
        hidden={tab !== "edit"}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
      />
      {tab === "preview" ? (
        <div
          className="prose max-w-none rounded-md border border-slate-200 bg-white p-3 text-sm"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify above
          dangerouslySetInnerHTML={{ __html: html }}
        />
      ) : null}
    </div>
  );
}
