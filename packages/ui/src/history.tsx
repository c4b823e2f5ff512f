import type { paths } from "@leadmetrics/api-client";
import { type DeliverableTypeId, ROLE_CATALOG, writerOf } from "@leadmetrics/catalog";
import { formatDateTime } from "./dates";
import { Card } from "./index";

/** One event of an activity's history, as the API answers it. */
export type HistoryEvent =
  paths["/tenant/v1/activities/{id}"]["get"]["responses"][200]["content"]["application/json"]["events"][number];
export type HistoryAction = HistoryEvent["action"];

export interface HistoryContext {
  /** The activity's type: its writer is the agent that drafts it. */
  type: DeliverableTypeId;
  /** Names a member's role as "Acme's owner" (the DM portal, across clients); "owner" without it. */
  workspaceName?: string;
}

const lower = (label: string) => `${label[0]!.toLowerCase()}${label.slice(1)}`;

/** Who acted, for a sentence: "Riley (reviewer)", "Dana (Acme's owner)", "The blog writer", "Leadmetrics". */
export function actorPhrase(
  e: Pick<HistoryEvent, "action" | "actorType" | "actorName" | "actorRole">,
  ctx: HistoryContext,
) {
  if (e.actorType !== "user") {
    if (e.action.startsWith("publish")) return `The ${lower(ROLE_CATALOG.publisher.label)}`;
    return `The ${lower(ROLE_CATALOG[writerOf(ctx.type)].label)}`;
  }
  const role =
    e.actorRole === null
      ? null
      : e.actorRole === "reviewer" || !ctx.workspaceName
        ? e.actorRole
        : `${ctx.workspaceName}'s ${e.actorRole}`;
  if (e.actorName) return role ? `${e.actorName} (${role})` : e.actorName;
  if (!role) return "Someone";
  return role === "reviewer" ? "A reviewer" : ctx.workspaceName ? role : `The ${role}`;
}

/**
 * What happened, as a sentence with people's names: "Riley (reviewer) asked for changes", "The
 * blog writer drafted version 2", "Dana (Acme's owner) approved it". The one place the history is
 * worded; feedback is shown after it, quoted.
 */
export function historySentence(e: HistoryEvent, ctx: HistoryContext): string {
  const who = actorPhrase(e, ctx);
  const writer = lower(ROLE_CATALOG[writerOf(ctx.type)].label);
  const version = e.versionNumber === null ? "a new version" : `version ${e.versionNumber}`;
  const sentences: Record<HistoryAction, string> = {
    start_drafting: `The ${writer} started the first draft`,
    draft_ready: `${who} drafted ${version}`,
    draft_failed: `The ${writer} could not finish a draft, so it waits for a person`,
    credits_short: `The ${writer} could not start: it waits for credits`,
    credits_granted: `${who} added credits, so the ${writer} starts again`,
    dm_approve: `${who} approved it for the client's review`,
    dm_edit_approve: `${who} edited it into ${version} and approved it for the client's review`,
    dm_reject:
      e.toStatus === "needs_attention"
        ? `${who} asked for changes for the last time: after repeated rejections it waits for a person`
        : `${who} asked for changes`,
    dm_retry: `${who} sent it back to the ${writer}`,
    client_approve: `${who} approved it`,
    client_reject: `${who} asked for changes`,
    publish_start: `${who} started publishing it`,
    publish_succeeded: `${who} published it`,
    publish_failed: `${who} could not publish it`,
    retry_publish: `${who} asked to publish it again`,
  };
  return sentences[e.action];
}

/** An activity's history: what happened, in words, who did it and when, with the feedback given. */
export function ActivityHistory({
  events,
  timeZone = "UTC",
  ...ctx
}: {
  events: HistoryEvent[] /** The zone its moments are written in (the workspace's). */;
  timeZone?: string;
} & HistoryContext) {
  return (
    <Card title="History">
      <ol className="space-y-3 text-sm" data-testid="history">
        {events.map((e) => (
          <li key={e.id}>
            <p className="font-medium">
              {historySentence(e, ctx)}
              {e.feedback ? ":" : ""}
            </p>
            {e.feedback ? (
              <blockquote className="mt-1 whitespace-pre-wrap break-words border-l-2 border-slate-300 pl-2 text-slate-700">
                {e.feedback}
              </blockquote>
            ) : null}
            <p className="mt-0.5 text-xs text-slate-500">{formatDateTime(e.createdAt, timeZone)}</p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
