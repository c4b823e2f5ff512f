export { createFacebookProvider, FACEBOOK_SCOPES } from "./facebook";
export { GRAPH_VERSION, graphFailure } from "./graph";
export { createInstagramProvider, INSTAGRAM_SCOPES } from "./instagram";
