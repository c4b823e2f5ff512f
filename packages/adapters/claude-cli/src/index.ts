export {
  createClaudeCliAdapter,
  killAllClaudeChildren,
  liveClaudeChildCount,
  type ClaudeCliAdapter,
  type ClaudeCliAdapterOptions,
} from "./claude-cli-adapter";
