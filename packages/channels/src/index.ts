export {
  type ChannelAccessDeps,
  type ChannelSession,
  markNeedsReconnect,
  needsReconnectMessage,
  openChannelSession,
  REFRESH_MARGIN_MS,
  refreshChannelTokens,
  type SocialProviders,
  withChannelSession,
} from "./access";
export {
  createMediaLinks,
  MEDIA_LINK_PATH,
  MEDIA_LINK_TTL_SECONDS,
  type MediaLinkClaims,
  type MediaLinks,
} from "./media-links";
export { createSocialProviders, type SocialConfig } from "./providers";
export { type ChannelPost, type PublishDeps, publishToChannel } from "./publish";
export { type ChannelSecrets, openChannelSecrets, sealChannelSecrets, tokenColumns, tokenSetOf } from "./tokens";
