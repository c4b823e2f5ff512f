import type { ReactNode } from "react";
import { Card, cx, formatDateTime } from "./index";

/** What the version pages need of a version (the API's content version). */
export interface VersionSummary {
  number: number;
  title: string;
  body: string;
  changeNote: string | null;
  authorType: "user" | "agent" | "system";
  offline: boolean;
  createdAt: string;
}

/** The versions a page shows, read from its query: `?v=` views one, `?against=` compares with another. */
export interface VersionSelection<V extends VersionSummary> {
  /** The version shown (the current one unless `?v=` names another). */
  viewed: V | undefined;
  /** The version the viewed one is compared with (the one before it unless `?against=` says). */
  against: V | undefined;
  current: V | undefined;
  isCurrent: boolean;
}

/** Picks the viewed and compared versions; `versions` come newest first, as the API answers them. */
export function selectVersions<V extends VersionSummary>(
  versions: V[],
  query: { v?: string; against?: string },
): VersionSelection<V> {
  const byNumber = (raw: string | undefined) => versions.find((x) => String(x.number) === raw);
  const current = versions[0];
  const viewed = byNumber(query.v) ?? current;
  const older = viewed ? versions.find((x) => x.number < viewed.number) : undefined;
  const chosen = byNumber(query.against);
  const against = chosen && chosen.number !== viewed?.number ? chosen : older;
  return { viewed, against, current, isCurrent: viewed === current };
}

const authorOf = (v: VersionSummary) =>
  v.authorType === "user" ? "edited by a reviewer" : v.offline ? "offline draft (not AI)" : "drafted by the agent";

/**
 * Every version of a draft, newest first: who wrote it, when, the writer's note, and a link to view
 * it (and compare it with the version before). `path` is the page's own address.
 */
export function VersionList<V extends VersionSummary>(props: {
  versions: V[];
  selection: VersionSelection<V>;
  path: string;
  /** The zone the versions are dated in: the workspace's. */
  timeZone: string;
  /** What a person can do with an older version here (a reviewer restores it). */
  olderAction?: (v: V) => ReactNode;
}) {
  if (props.versions.length < 2) return null;
  return (
    <Card title={`Versions (${props.versions.length})`}>
      <ol className="space-y-2 text-sm" data-testid="versions">
        {props.versions.map((v) => {
          const viewing = v === props.selection.viewed;
          return (
            <li
              key={v.number}
              className={cx(
                "rounded-md border px-3 py-2",
                viewing ? "border-indigo-300 bg-indigo-50" : "border-slate-200",
              )}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                {viewing ? (
                  <span className="font-medium">Version {v.number} · viewing</span>
                ) : (
                  <a className="font-medium text-indigo-700 hover:underline" href={`${props.path}?v=${v.number}`}>
                    Version {v.number}
                  </a>
                )}
                <span className="text-xs text-slate-500">{formatDateTime(v.createdAt, props.timeZone)}</span>
              </div>
              <div className="text-xs text-slate-600">
                {v === props.selection.current ? "Current · " : ""}
                {authorOf(v)}
              </div>
              {v.changeNote ? <p className="mt-1 text-xs text-slate-600">“{v.changeNote}”</p> : null}
              {v !== props.selection.current && props.olderAction ? (
                <div className="mt-1">{props.olderAction(v)}</div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

/**
 * The page's decision, always in reach on a phone: a bar stuck to the bottom of the screen (below
 * 1280 px, where the decision card sits under the draft) with the approval and a link to the
 * feedback form; on wide screens the card itself stays beside the draft.
 */
export function DecisionBar(props: { label: string; approve: ReactNode; feedbackHref?: string }) {
  return (
    <section
      aria-label={props.label}
      data-testid="decision-bar"
      className="sticky bottom-0 z-20 -mx-4 mt-6 flex flex-wrap items-center gap-2 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur md:-mx-8 md:px-8 xl:hidden"
    >
      {props.approve}
      <a
        href={props.feedbackHref ?? "#feedback"}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700"
      >
        Request changes
      </a>
    </section>
  );
}
