import { Alert, Button, Card, Field, formatDate, PageHeader, StatusBadge, Table } from "@leadmetrics/ui";
import { formError, serverApi, unwrap, workspaceMetadata } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

export const generateMetadata = () => workspaceMetadata("Channels");

async function connect(formData: FormData) {
  "use server";
  const api = await serverApi("dashboard");
  const res = await api.POST("/tenant/v1/channels/wordpress", {
    body: {
      name: String(formData.get("name") ?? ""),
      siteUrl: String(formData.get("siteUrl") ?? ""),
      username: String(formData.get("username") ?? ""),
      applicationPassword: String(formData.get("applicationPassword") ?? ""),
    },
  });
  if (res.error) redirect(`/channels?error=${encodeURIComponent(formError(res.error).error!)}`);
  redirect("/channels?ok=connected");
}

async function remove(formData: FormData) {
  "use server";
  const api = await serverApi("dashboard");
  await api.DELETE("/tenant/v1/channels/{id}", { params: { path: { id: String(formData.get("id")) } } });
  redirect("/channels?ok=removed");
}

export default async function ChannelsPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; ok?: string }>;
}) {
  const { error, ok } = await searchParams;
  const api = await serverApi("dashboard");
  const channels = unwrap("dashboard", await api.GET("/tenant/v1/channels"));
  return (
    <>
      <PageHeader title="Channels" subtitle="Where approved content is published." />
      {error ? <Alert kind="error">{error}</Alert> : null}
      {ok ? (
        <Alert kind="success">{ok === "connected" ? "Connected. The password is stored encrypted." : "Removed."}</Alert>
      ) : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <Table
            caption="Connected channels"
            rows={channels.items}
            rowKey={(c) => c.id}
            columns={[
              {
                header: "Channel",
                cell: (c) => (
                  <>
                    <div className="font-medium">{c.name}</div>
                    <div className="text-xs text-slate-500">{c.kind}</div>
                  </>
                ),
              },
              { header: "Site", cell: (c) => c.siteUrl },
              {
                header: "Status",
                cell: (c) => <StatusBadge status={c.status === "connected" ? "active" : "suspended"} />,
              },
              { header: "Connected", cell: (c) => formatDate(c.createdAt) },
              {
                header: "",
                cell: (c) => (
                  <form action={remove}>
                    <input type="hidden" name="id" value={c.id} />
                    <button type="submit" className="text-xs text-rose-700 underline">
                      Remove
                    </button>
                  </form>
                ),
              },
            ]}
          />
        </div>
        <Card title="Connect WordPress">
          <form action={connect}>
            <Field label="Name" name="name" required defaultValue="Company blog" />
            <Field label="Site address" name="siteUrl" type="url" required hint="e.g. https://blog.example.com" />
            <Field label="WordPress user" name="username" required />
            <Field
              label="Application password"
              name="applicationPassword"
              type="password"
              required
              hint="Users → Profile → Application Passwords. Never your login password."
            />
            <Button>Connect</Button>
          </form>
        </Card>
      </div>
    </>
  );
}
