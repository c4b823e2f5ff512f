import { type FakeGoogleBusiness, startFakeGoogleBusiness } from "@leadmetrics/provider-google-business/fake-server";
import { type FakeLinkedIn, startFakeLinkedIn } from "@leadmetrics/provider-linkedin/fake-server";
import { type FakeMeta, startFakeMeta } from "@leadmetrics/provider-meta/fake-server";
import { type FakeX, startFakeX } from "@leadmetrics/provider-x/fake-server";

/**
 * Development and end-to-end tests only: every social network the platform publishes to, as local
 * servers speaking each network's wire format (consent pages included), so connecting an account
 * and publishing work on a machine with no app keys and no network. `env` is what points the API
 * and the agents at them.
 */
export interface SocialSandbox {
  linkedin: FakeLinkedIn;
  meta: FakeMeta;
  google: FakeGoogleBusiness;
  x: FakeX;
  /** LINKEDIN_CLIENT_ID … X_BASE_URL for the API and the agents. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** App keys of the sandbox's apps: not secrets, they open nothing but these local servers. */
const APPS = {
  linkedin: { clientId: "sandbox-linkedin", clientSecret: "sandbox-linkedin-secret" },
  meta: { clientId: "sandbox-meta", clientSecret: "sandbox-meta-secret" },
  google: { clientId: "sandbox-google", clientSecret: "sandbox-google-secret" },
  x: { clientId: "sandbox-x", clientSecret: "sandbox-x-secret" },
};

/** `ports`: fixed ports for ./dev start (the consent pages' addresses stay the same across restarts); 0 for any. */
export async function startSocialSandbox(
  ports: { linkedin?: number; meta?: number; google?: number; x?: number } = {},
): Promise<SocialSandbox> {
  const [linkedin, meta, google, x] = await Promise.all([
    startFakeLinkedIn({ ...APPS.linkedin, port: ports.linkedin ?? 0 }),
    startFakeMeta({ ...APPS.meta, port: ports.meta ?? 0 }),
    startFakeGoogleBusiness({ ...APPS.google, port: ports.google ?? 0 }),
    startFakeX({ ...APPS.x, port: ports.x ?? 0 }),
  ]);
  return {
    linkedin,
    meta,
    google,
    x,
    env: {
      LINKEDIN_CLIENT_ID: APPS.linkedin.clientId,
      LINKEDIN_CLIENT_SECRET: APPS.linkedin.clientSecret,
      LINKEDIN_BASE_URL: linkedin.url,
      META_APP_ID: APPS.meta.clientId,
      META_APP_SECRET: APPS.meta.clientSecret,
      META_BASE_URL: meta.url,
      GOOGLE_CLIENT_ID: APPS.google.clientId,
      GOOGLE_CLIENT_SECRET: APPS.google.clientSecret,
      GOOGLE_BASE_URL: google.url,
      X_CLIENT_ID: APPS.x.clientId,
      X_CLIENT_SECRET: APPS.x.clientSecret,
      X_BASE_URL: x.url,
    },
    async close() {
      await Promise.all([linkedin.close(), meta.close(), google.close(), x.close()]);
    },
  };
}
