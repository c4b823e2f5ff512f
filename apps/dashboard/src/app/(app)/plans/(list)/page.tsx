import { DELIVERABLE_TYPES, deliverableTypePluralLabel } from "@leadmetrics/catalog";
import {
  Alert,
  Button,
  Card,
  Field,
  formatDate,
  PageHeader,
  Pager,
  pageParam,
  StatusBadge,
  Table,
} from "@leadmetrics/ui";
import { formError, serverApi, unwrap, workspaceMetadata } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

export const generateMetadata = () => workspaceMetadata("Plans");

async function createPlan(formData: FormData) {
  "use server";
  const items = DELIVERABLE_TYPES.map((type) => ({
    deliverableType: type,
    quantity: Number(formData.get(`qty_${type}`) || 0),
  })).filter((i) => i.quantity > 0);
  const api = await serverApi("dashboard");
  const res = await api.POST("/tenant/v1/plans", {
    body: {
      name: String(formData.get("name") ?? ""),
      cadence: formData.get("cadence") === "monthly" ? "monthly" : "weekly",
      startDate: String(formData.get("startDate") ?? ""),
      periodCount: Number(formData.get("periodCount") || 1),
      items,
    },
  });
  if (res.error) {
    const f = formError(res.error);
    redirect(
      `/plans?error=${encodeURIComponent(items.length === 0 ? "Choose at least one deliverable" : Object.values(f.fields ?? {})[0] ? `${Object.keys(f.fields!)[0]}: ${Object.values(f.fields!)[0]}` : f.error!)}`,
    );
  }
  redirect(`/plans/${res.data.id}`);
}

export default async function PlansPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; page?: string }>;
}) {
  const { error, page } = await searchParams;
  const api = await serverApi("dashboard");
  const plans = unwrap(
    "dashboard",
    await api.GET("/tenant/v1/plans", { params: { query: { pageSize: 50, page: pageParam(page) } } }),
  );
  const monday = new Date();
  monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7));
  return (
    <>
      <PageHeader
        title="Deliverable plans"
        subtitle="What gets produced each week or month. Nothing is drafted until you approve a plan."
      />
      {error ? <Alert kind="error">{error}</Alert> : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <Table
            caption="Plans"
            rows={plans.items}
            rowKey={(p) => p.id}
            columns={[
              {
                header: "Plan",
                cell: (p) => (
                  <a className="font-medium text-indigo-700 hover:underline" href={`/plans/${p.id}`}>
                    {p.name}
                  </a>
                ),
              },
              { header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
              {
                header: "Deliverables",
                cell: (p) =>
                  `${p.totalDeliverables} over ${p.periodCount} ${p.cadence === "weekly" ? "weeks" : "months"}`,
              },
              { header: "Created", cell: (p) => formatDate(p.createdAt) },
            ]}
          />
          <Pager path="/plans" page={plans.page} pageSize={plans.pageSize} total={plans.total} />
        </div>
        <Card title="New plan">
          <form action={createPlan}>
            <Field label="Name" name="name" required defaultValue="" />
            <label className="mb-4 block text-sm font-medium text-slate-700">
              Cadence
              <select name="cadence" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
                <option value="weekly">Weekly</option>
                <option value="monthly">Monthly</option>
              </select>
            </label>
            <Field
              label="Starts on"
              name="startDate"
              type="date"
              required
              defaultValue={monday.toISOString().slice(0, 10)}
            />
            <Field label="Number of periods" name="periodCount" type="number" min={1} defaultValue={1} required />
            <fieldset className="mb-4">
              <legend className="text-sm font-medium text-slate-700">Per period</legend>
              {DELIVERABLE_TYPES.map((type) => (
                <Field
                  key={type}
                  label={deliverableTypePluralLabel(type)}
                  name={`qty_${type}`}
                  type="number"
                  min={0}
                  defaultValue={type === "blog_post" ? 1 : 0}
                />
              ))}
            </fieldset>
            <Button>Create draft plan</Button>
          </form>
        </Card>
      </div>
    </>
  );
}
