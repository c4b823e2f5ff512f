import { expect, type Page, type TestInfo } from "@playwright/test";

export const urls = () => ({
  api: process.env.E2E_API_URL!,
  dashboard: process.env.E2E_DASHBOARD_URL!,
  dm: process.env.E2E_DM_URL!,
  manage: process.env.E2E_MANAGE_URL!,
  wordpress: process.env.E2E_WORDPRESS_URL!,
  mail: process.env.E2E_MAIL_URL!,
});

/** Waits for an email to `to` whose subject matches, and returns the link in it that contains `path`. */
export async function linkFromEmail(to: string, subject: RegExp, path: string): Promise<string> {
  let link = "";
  await expect(async () => {
    const messages = (await (await fetch(`${urls().mail}/api/messages`)).json()) as {
      to: string[];
      subject: string;
      text: string | null;
    }[];
    const message = messages.find((m) => m.to.includes(to) && subject.test(m.subject));
    expect(message, `an email to ${to} matching ${subject}`).toBeDefined();
    link = new RegExp(`https?://\\S+${path}\\?token=\\S+`).exec(message!.text ?? "")![0];
  }).toPass({ timeout: 30_000 });
  return link;
}
export const PASSWORD = "demo-password-1";
export const ACCOUNTS = {
  acme: "client@acme.demo.leadmetrics.local",
  globex: "client@globex.demo.leadmetrics.local",
  reviewer: "reviewer@demo.leadmetrics.local",
  admin: "admin@demo.leadmetrics.local",
};

/** Signs in through a portal's own login form, as a person would. */
export async function signIn(page: Page, portalUrl: string, email: string, landing: RegExp) {
  await page.goto(`${portalUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
}

/** The API directly, for setting up what a test is not about. */
export async function apiAs(email: string) {
  const { api } = urls();
  const login = await fetch(`${api}/auth/v1/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

export async function shot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

type ApiAs = Awaited<ReturnType<typeof apiAs>>;
type PlanItem = { deliverableType: "blog_post" | "social_post" | "strategy"; quantity: number; channel?: string };

/**
 * A one-week plan through the API, submitted and (unless `until: "submitted"`) approved; its id.
 * The setup of a test about what happens after.
 */
export async function createPlan(
  api: ApiAs,
  name: string,
  opts: { items?: PlanItem[]; until?: "submitted" | "approved"; acceptShortfall?: boolean } = {},
): Promise<string> {
  const plan = await api<{ id: string }>("POST", "/tenant/v1/plans", {
    name,
    cadence: "weekly",
    startDate: "2026-12-07",
    periodCount: 1,
    items: opts.items ?? [{ deliverableType: "blog_post", quantity: 1 }],
  });
  await api("POST", `/tenant/v1/plans/${plan.id}/submit`);
  if (opts.until !== "submitted")
    await api(
      "POST",
      `/tenant/v1/plans/${plan.id}/approve`,
      opts.acceptShortfall ? { acceptShortfall: true } : undefined,
    );
  return plan.id;
}

/** A plan's activities once there are `count` of them, all in `status` when given (the agents work meanwhile). */
export async function activitiesOf(api: ApiAs, planId: string, opts: { status?: string; count?: number } = {}) {
  type Row = { id: string; title: string; topic: string; status: string };
  let rows: Row[] = [];
  await expect(async () => {
    const list = await api<{ items: Row[] }>("GET", `/tenant/v1/activities?planId=${planId}`);
    expect(list.items).toHaveLength(opts.count ?? 1);
    if (opts.status) expect(list.items.map((a) => a.status)).toEqual(list.items.map(() => opts.status));
    rows = list.items;
  }).toPass({ timeout: 60_000 });
  return rows;
}
