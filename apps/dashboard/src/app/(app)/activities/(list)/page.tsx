import { deliverableTypeLabel } from "@leadmetrics/catalog";
import { Card, PageHeader, StatusBadge, statusLabel } from "@leadmetrics/ui";
import { serverApi, unwrap, workspaceMetadata } from "@leadmetrics/ui/server";

export const generateMetadata = () => workspaceMetadata("Activities");

const COLUMNS = [
  "drafting",
  "dm_review",
  "client_review",
  "client_approved",
  "published",
  "needs_attention",
  "publish_failed",
] as const;

/** The activities board: one column per status, the client's own work only. */
export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { welcome } = await searchParams;
  const api = await serverApi("dashboard");
  const data = unwrap("dashboard", await api.GET("/tenant/v1/activities", { params: { query: { pageSize: 200 } } }));
  return (
    <>
      <PageHeader title="Activities" subtitle={`${data.total} deliverables across your plans`} />
      {data.items.length === 0 ? (
        <Card title={welcome ? "Welcome: your workspace is ready" : "Getting started"}>
          <p className="mb-3 text-sm text-slate-600">
            Nothing is drafted until you approve a plan, and nothing is published until you approve the draft.
          </p>
          <ol className="list-decimal space-y-2 pl-5 text-sm">
            <li>
              <a className="font-medium text-indigo-700 hover:underline" href="/context">
                Describe your business
              </a>
              : brand voice, audience and products guide every draft.
            </li>
            <li>
              <a className="font-medium text-indigo-700 hover:underline" href="/channels">
                Connect your WordPress site
              </a>
              , where approved posts are published.
            </li>
            <li>
              <a className="font-medium text-indigo-700 hover:underline" href="/plans">
                Create and approve a plan
              </a>
              : what gets produced each week or month. Your credits are under{" "}
              <a className="text-indigo-700 hover:underline" href="/credits">
                Credits
              </a>
              .
            </li>
          </ol>
        </Card>
      ) : (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3 xl:grid-cols-4">
          {COLUMNS.map((status) => {
            const items = data.items.filter(
              (a) => a.status === status || (status === "client_approved" && a.status === "publishing"),
            );
            return (
              <section key={status} aria-label={statusLabel(status)} className="rounded-lg bg-slate-100 p-3">
                <h2 className="mb-2 flex items-center justify-between text-sm font-semibold capitalize text-slate-700">
                  {statusLabel(status)} <span className="text-slate-500">{items.length}</span>
                </h2>
                <ul className="space-y-2">
                  {items.map((a) => (
                    <li key={a.id}>
                      <a
                        href={`/activities/${a.id}`}
                        className="block rounded-md border border-slate-200 bg-white p-3 text-sm shadow-sm hover:border-indigo-300"
                      >
                        <div className="font-medium">{a.title}</div>
                        <div className="mt-1 flex items-center justify-between text-xs text-slate-500">
                          <span>{deliverableTypeLabel(a.type)}</span>
                          <StatusBadge status={a.status} />
                        </div>
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
