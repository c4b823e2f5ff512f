import { Alert, Button, Card, Field, formatDate, PageHeader } from "@leadmetrics/ui";
import { formError, serverApi, unwrap, workspaceMetadata } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

export const generateMetadata = () => workspaceMetadata("Client context");

async function save(formData: FormData) {
  "use server";
  const api = await serverApi("dashboard");
  const res = await api.PUT("/tenant/v1/client-context", {
    body: {
      brandVoice: String(formData.get("brandVoice") ?? ""),
      audience: String(formData.get("audience") ?? ""),
      products: String(formData.get("products") ?? ""),
    },
  });
  if (res.error) {
    const f = formError(res.error);
    redirect(
      `/context?error=${encodeURIComponent(
        Object.entries(f.fields ?? {})
          .map(([k, v]) => `${k}: ${v}`)
          .join("; ") || f.error!,
      )}`,
    );
  }
  redirect("/context?ok=1");
}

/** What every agent reads before it writes: each save is a new version. */
export default async function ContextPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; ok?: string }>;
}) {
  const { error, ok } = await searchParams;
  const api = await serverApi("dashboard");
  const ctx = unwrap("dashboard", await api.GET("/tenant/v1/client-context"));
  const current = ctx.current;
  return (
    <>
      <PageHeader
        title="Client context"
        subtitle="Brand voice, audience and products: what the agents read before every draft."
      />
      {error ? <Alert kind="error">{error}</Alert> : null}
      {ok ? <Alert kind="success">Saved as version {current?.version}. The next drafts use it.</Alert> : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2" title={current ? `Version ${current.version}` : "Not written yet"}>
          <form action={save}>
            <Field
              label="Brand voice"
              name="brandVoice"
              multiline
              defaultValue={current?.brandVoice}
              required
              hint="How you sound: tone, words you use and avoid."
            />
            <Field label="Audience" name="audience" multiline defaultValue={current?.audience} required />
            <Field label="Products and services" name="products" multiline defaultValue={current?.products} required />
            <Button>Save a new version</Button>
          </form>
        </Card>
        <Card title="History">
          <ol className="space-y-2 text-sm">
            {ctx.history.map((h) => (
              <li key={h.version}>
                Version {h.version} · {formatDate(h.createdAt)}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
