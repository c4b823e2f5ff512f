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
