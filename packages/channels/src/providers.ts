import type { SocialProviderConfig } from "@leadmetrics/provider-core";
import { createGoogleBusinessProvider } from "@leadmetrics/provider-google-business";
import { createLinkedInProvider } from "@leadmetrics/provider-linkedin";
import { createFacebookProvider, createInstagramProvider } from "@leadmetrics/provider-meta";
import { createXProvider } from "@leadmetrics/provider-x";
import type { SocialProviders } from "./access";

/** The social part of a process's configuration (`env.social`). */
export interface SocialConfig {
  SOCIAL_REDIRECT_URL: string;
  LINKEDIN_CLIENT_ID?: string;
  LINKEDIN_CLIENT_SECRET?: string;
  LINKEDIN_BASE_URL?: string;
  META_APP_ID?: string;
  META_APP_SECRET?: string;
  META_BASE_URL?: string;
  GOOGLE_CLIENT_ID?: string;
  GOOGLE_CLIENT_SECRET?: string;
  GOOGLE_BASE_URL?: string;
  X_CLIENT_ID?: string;
  X_CLIENT_SECRET?: string;
  X_BASE_URL?: string;
}

/**
 * A client for each network the platform has app keys for; a network without them is left out
 * (the Dashboard does not offer it, connecting it answers 503). Every call to a network goes
 * through `fetch` (the process's guarded fetch where it has one).
 */
export function createSocialProviders(config: SocialConfig, options: { fetch?: typeof fetch } = {}): SocialProviders {
  const app = (clientId?: string, clientSecret?: string, baseUrl?: string): SocialProviderConfig | undefined =>
    clientId && clientSecret
      ? {
          clientId,
          clientSecret,
          redirectUri: config.SOCIAL_REDIRECT_URL,
          ...(baseUrl ? { baseUrl } : {}),
          ...(options.fetch ? { fetch: options.fetch } : {}),
        }
      : undefined;
  const linkedin = app(config.LINKEDIN_CLIENT_ID, config.LINKEDIN_CLIENT_SECRET, config.LINKEDIN_BASE_URL);
  const meta = app(config.META_APP_ID, config.META_APP_SECRET, config.META_BASE_URL);
  const google = app(config.GOOGLE_CLIENT_ID, config.GOOGLE_CLIENT_SECRET, config.GOOGLE_BASE_URL);
  const x = app(config.X_CLIENT_ID, config.X_CLIENT_SECRET, config.X_BASE_URL);
  return {
    ...(linkedin ? { linkedin: createLinkedInProvider(linkedin) } : {}),
    ...(meta ? { facebook: createFacebookProvider(meta), instagram: createInstagramProvider(meta) } : {}),
    ...(google ? { google_business: createGoogleBusinessProvider(google) } : {}),
    ...(x ? { x: createXProvider(x) } : {}),
  };
}
