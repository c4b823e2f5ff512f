import { hashPassword } from "@leadmetrics/auth";
import type { Db } from "./client";

export const DEMO_ACCOUNTS = {
  superAdmin: "admin@demo.leadmetrics.local",
  reviewer: "reviewer@demo.leadmetrics.local",
  acmeOwner: "client@acme.demo.leadmetrics.local",
  globexOwner: "client@globex.demo.leadmetrics.local",
} as const;

export const DEFAULT_DEMO_PASSWORD = "demo-password-1";

export const DEMO_CREDITS = 1_000;

const TENANTS = [
  {
    slug: "acme-digital",
    name: "Acme Digital",
    timezone: "America/New_York",
    owner: DEMO_ACCOUNTS.acmeOwner,
    ownerName: "Alex Acme",
    context: {
      brandVoice: "Confident, practical and warm; short sentences; no jargon.",
      audience: "Owners of small e-commerce shops in North America.",
      products: "Acme Storefront (online shop builder) and Acme Ads (managed ad campaigns).",
    },
  },
  {
    slug: "globex-marketing",
    name: "Globex Marketing",
    timezone: "Europe/London",
    owner: DEMO_ACCOUNTS.globexOwner,
    ownerName: "Grace Globex",
    context: {
      brandVoice: "Expert and calm, British spelling, data before adjectives.",
      audience: "Marketing directors of mid-sized B2B companies in the UK.",
      products: "Globex Insights (analytics) and Globex Studio (content production).",
    },
  },
] as const;

/**
 * The demo accounts `./dev start` prints and the tests log in with. Idempotent: existing rows
 * are left as they are (a changed password is not overwritten).
 */
export async function seedDemo(db: Db, password = DEFAULT_DEMO_PASSWORD): Promise<void> {
  const passwordHash = await hashPassword(password);
  const user = (email: string, name: string, platformRole: "super_admin" | "dm_reviewer" | "none") =>
    db.user.upsert({ where: { email }, update: {}, create: { email, name, platformRole, passwordHash } });

  await user(DEMO_ACCOUNTS.superAdmin, "Ada Admin", "super_admin");
  await user(DEMO_ACCOUNTS.reviewer, "Riley Reviewer", "dm_reviewer");
  for (const t of TENANTS) {
    const tenant = await db.tenant.upsert({
      where: { slug: t.slug },
      update: {},
      create: { slug: t.slug, name: t.name, timezone: t.timezone },
    });
    const owner = await user(t.owner, t.ownerName, "none");
    await db.tenantMember.upsert({
      where: { tenantId_userId: { tenantId: tenant.id, userId: owner.id } },
      update: {},
      create: { tenantId: tenant.id, userId: owner.id, role: "owner" },
    });
    await db.clientContext.upsert({
      where: { tenantId_version: { tenantId: tenant.id, version: 1 } },
      update: {},
      create: { tenantId: tenant.id, version: 1, ...t.context },
    });
    // Starting credits, granted once: the ledger entry is the proof it happened.
    if (!(await db.creditBalance.findUnique({ where: { tenantId: tenant.id } }))) {
      await db.$transaction([
        db.creditBalance.create({ data: { tenantId: tenant.id, available: DEMO_CREDITS } }),
        db.creditLedger.create({
          data: { tenantId: tenant.id, kind: "grant", status: "posted", amount: DEMO_CREDITS, note: "Demo credits" },
        }),
      ]);
    }
  }
}
