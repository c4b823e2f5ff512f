export { createLinkedInProvider, LINKEDIN_SCOPES, LINKEDIN_VERSION } from "./linkedin-provider";
export { fromLittleText, toLittleText } from "./little-text";
