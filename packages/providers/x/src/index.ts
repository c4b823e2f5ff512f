export { createXProvider, tweetTextAsWritten, X_SCOPES } from "./x-provider";
