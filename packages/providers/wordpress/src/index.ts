export { createWordPressClient, type WordPressOptions, type WordPressPost, type WordPressSiteCheck } from "./client";
export {
  describeFailure,
  hostOf,
  isWordPressError,
  networkFailure,
  responseFailure,
  WordPressError,
  type WordPressFailureKind,
} from "./failure";
