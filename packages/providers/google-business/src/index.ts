export { GOOGLE_BUSINESS } from "./failure";
export { createGoogleBusinessProvider, GOOGLE_BUSINESS_SCOPES } from "./google-business";
