import { agentRoleLabel, DELIVERABLE_CATALOG, type DeliverableTypeId } from "@leadmetrics/catalog";
import { LiveDraft } from "@leadmetrics/ui/live-draft";
import { publicApiUrl, serverApi, unwrap } from "@leadmetrics/ui/server";

/**
 * While the agent drafts: who is writing and for how long, the draft as it streams in, and a
 * link to the run on the credits page. The latest run of the activity is the one in flight when
 * it is still running; a queued draft has none yet.
 */
export async function LiveDraftPanel(props: { activityId: string; type: DeliverableTypeId }) {
  const api = await serverApi("dashboard");
  const runs = unwrap(
    "dashboard",
    await api.GET("/tenant/v1/agent-runs", { params: { query: { activityId: props.activityId, pageSize: 1 } } }),
  );
  const latest = runs.items[0];
  const run =
    latest?.status === "running"
      ? { startedAt: latest.startedAt, href: `/credits?activity=${props.activityId}#runs` }
      : null;
  return (
    <LiveDraft
      apiUrl={publicApiUrl()}
      activityId={props.activityId}
      writer={agentRoleLabel(DELIVERABLE_CATALOG[props.type].writer)}
      run={run}
    />
  );
}
