import type { paths } from "@leadmetrics/api-client";
import { deliverableTypeLabel } from "@leadmetrics/catalog";
import { Elapsed } from "@leadmetrics/ui/elapsed";
import type { ReactNode } from "react";
import { dayText, relativeDay } from "./board-columns";

export type ActivityCard =
  paths["/tenant/v1/activities"]["get"]["responses"][200]["content"]["application/json"]["items"][number];

const FINISHED = new Set(["published"]);

/** Who the work waits for, in the client's words; `you` marks what needs the client. */
export function waitsFor(a: ActivityCard): { text: ReactNode; you?: boolean } | null {
  switch (a.status) {
    case "planned":
    case "drafting":
      return a.activeRun
        ? {
            text: (
              <>
                Agent drafting · <Elapsed since={a.activeRun.startedAt} />
              </>
            ),
          }
        : { text: "Queued for the agent" };
    case "waiting_for_credits":
      return { text: "Waiting for credits", you: true };
    case "dm_review":
    case "needs_attention":
      return { text: "With your reviewer" };
    case "client_review":
      return { text: "Waiting for you", you: true };
    case "client_approved":
    case "publishing":
      return { text: "Publishing" };
    case "publish_failed":
      return { text: "Waiting for you: retry publishing", you: true };
    default:
      return null;
  }
}

/** "Published 9 Dec 2026", "Due 9 Dec 2026 · tomorrow": one date per card, the one that matters. */
export function cardDate(a: ActivityCard): { label: string; overdue: boolean } | null {
  if (a.publishedAt) return { label: `Published ${dayText(a.publishedAt)}`, overdue: false };
  if (!a.dueOn) return null;
  const relative = relativeDay(a.dueOn);
  const overdue = !FINISHED.has(a.status) && a.dueOn < new Date().toISOString().slice(0, 10);
  return { label: `Due ${dayText(a.dueOn)}${relative ? ` · ${relative}` : ""}`, overdue };
}

export function ChannelTag({ channel }: { channel: string | null }) {
  if (!channel) return null;
  return (
    <span className="inline-flex rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{channel}</span>
  );
}

export function WaitsFor({ activity }: { activity: ActivityCard }) {
  const w = waitsFor(activity);
  if (!w) return null;
  const running = activity.activeRun !== null;
  return (
    <span
      className={`inline-flex items-center gap-1.5 text-xs font-medium ${w.you ? "text-violet-800" : running ? "text-amber-800" : "text-slate-600"}`}
      data-testid="waits-for"
    >
      <span
        aria-hidden="true"
        className={`size-1.5 rounded-full ${w.you ? "bg-violet-500" : running ? "animate-pulse bg-amber-500" : "bg-slate-400"}`}
      />
      {w.text}
    </span>
  );
}

/** One card of the board: what it is, which plan, when, where, and who it waits for. */
export function ActivityCardView({ activity: a }: { activity: ActivityCard }) {
  const date = cardDate(a);
  return (
    <a
      href={`/activities/${a.id}`}
      className="block rounded-md border border-slate-200 bg-white p-3 text-sm shadow-sm hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-500"
      data-testid="activity-card"
    >
      <div className="break-words font-medium text-slate-900">{a.title}</div>
      <div className="mt-1 truncate text-xs text-slate-500">
        {deliverableTypeLabel(a.type, { capitalized: true })} · <span data-testid="card-plan">{a.planName}</span>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        <ChannelTag channel={a.channel} />
        {date ? <span className={date.overdue ? "text-rose-700" : "text-slate-600"}>{date.label}</span> : null}
      </div>
      <div className="mt-2">
        <WaitsFor activity={a} />
      </div>
    </a>
  );
}
