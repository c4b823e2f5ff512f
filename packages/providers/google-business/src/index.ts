export { googleFailure } from "./failure";
export { createGoogleBusinessProvider, GOOGLE_BUSINESS_SCOPES } from "./google-business";
