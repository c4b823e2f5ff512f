import { Card, formatDateTime, PageHeader } from "@leadmetrics/ui";
import { ActionForm, FormField, SubmitButton } from "@leadmetrics/ui/forms";
import { serverApi, unwrap, workspaceMetadata, workspaceTimeZone } from "@leadmetrics/ui/server";
import { saveContext } from "./actions";

export const generateMetadata = () => workspaceMetadata("Client context");

/** What every agent reads before it writes: each save is a new version. */
export default async function ContextPage() {
  const api = await serverApi("dashboard");
  const [ctx, timeZone] = await Promise.all([
    api.GET("/tenant/v1/client-context").then((r) => unwrap("dashboard", r)),
    workspaceTimeZone(),
  ]);
  const current = ctx.current;
  return (
    <>
      <PageHeader
        title="Client context"
        subtitle="Brand voice, audience and products: what the agents read before every draft."
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2" title={current ? `Version ${current.version}` : "Not written yet"}>
          <ActionForm action={saveContext} label="Client context" keepOnSuccess>
            <FormField
              label="Brand voice"
              name="brandVoice"
              multiline
              defaultValue={current?.brandVoice}
              required
              hint="How you sound: tone, words you use and avoid."
            />
            <FormField label="Audience" name="audience" multiline defaultValue={current?.audience} required />
            <FormField
              label="Products and services"
              name="products"
              multiline
              defaultValue={current?.products}
              required
            />
            <SubmitButton pendingLabel="Saving…">Save a new version</SubmitButton>
          </ActionForm>
        </Card>
        <Card title="History">
          <ol className="space-y-2 text-sm">
            {ctx.history.map((h) => (
              <li key={h.version}>
                Version {h.version} · {formatDateTime(h.createdAt, timeZone)}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
