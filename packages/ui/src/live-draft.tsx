"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Elapsed } from "./elapsed";
import { renderMarkdown } from "./markdown";
import { partialDraft } from "./partial-draft";

type Phase = "connecting" | "streaming" | "ended" | "lost";

/**
 * An activity's draft as the agent writes it: the API's event stream (every chunk of the current
 * revision, replayed from the start, then new ones) rendered as it grows. When the stream ends the
 * page re-renders on the server with the finished draft.
 */
export function LiveDraft(props: {
  apiUrl: string;
  activityId: string;
  /** Who is writing, for people: "Blog writer". */
  writer: string;
  /** The run in flight, if it has started (a queued draft has none yet). */
  run: { startedAt: string; href: string } | null;
}) {
  const router = useRouter();
  const [raw, setRaw] = useState("");
  const [phase, setPhase] = useState<Phase>("connecting");
  useEffect(() => {
    const source = new EventSource(`${props.apiUrl}/tenant/v1/activities/${props.activityId}/stream`, {
      withCredentials: true,
    });
    // A reconnect replays the stream from its start.
    source.onopen = () => {
      setRaw("");
      setPhase("streaming");
    };
    source.addEventListener("chunk", (e) => {
      const { text } = JSON.parse((e as MessageEvent<string>).data) as { text: string };
      setRaw((prev) => prev + text);
    });
    source.addEventListener("end", () => {
      source.close();
      setPhase("ended");
      router.refresh();
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) setPhase("lost");
    };
    return () => source.close();
  }, [props.apiUrl, props.activityId, router]);

  const draft = partialDraft(raw);
  const started = props.run !== null || raw.length > 0;
  return (
    <section
      aria-label="Live draft"
      aria-busy={phase !== "ended"}
      className="rounded-lg border border-amber-200 bg-white shadow-sm"
      data-testid="live-draft"
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-amber-100 bg-amber-50 px-5 py-3 text-sm">
        <span className="flex items-center gap-2 font-medium text-amber-900">
          <span aria-hidden="true" className="relative flex size-2.5">
            <span className="absolute inline-flex size-full animate-ping rounded-full bg-amber-400 opacity-75" />
            <span className="relative inline-flex size-2.5 rounded-full bg-amber-500" />
          </span>
          {phase === "ended"
            ? "Draft finished: loading it…"
            : started
              ? `${props.writer} is writing`
              : `Queued: the ${props.writer.toLowerCase()} starts on it shortly`}
          {props.run && phase !== "ended" ? (
            <span className="font-normal text-amber-800">
              · <Elapsed since={props.run.startedAt} />
            </span>
          ) : null}
        </span>
        {props.run ? (
          <a className="text-indigo-700 hover:underline" href={props.run.href}>
            View the run
          </a>
        ) : null}
      </header>
      <div className="px-5 py-4">
        {phase === "lost" ? (
          <p role="status" className="mb-3 text-sm text-slate-600">
            The live view stopped. Reload the page to see the latest.
          </p>
        ) : null}
        {draft.title ? <h2 className="mb-2 break-words text-lg font-semibold">{draft.title}</h2> : null}
        {draft.body ? (
          <div>
            {/* As it will read once published, rendered by the same safe renderer as the finished draft. */}
            <div
              className="rendered-markdown break-words text-sm"
              data-testid="live-draft-text"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown escapes raw HTML and unsafe links
              dangerouslySetInnerHTML={{ __html: renderMarkdown(draft.body) }}
            />
            {phase === "streaming" ? (
              <span aria-hidden="true" className="inline-block h-4 w-1.5 animate-pulse bg-amber-500 align-middle" />
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-slate-500">{draft.title ? "Writing the body…" : "Waiting for the first words…"}</p>
        )}
      </div>
    </section>
  );
}
