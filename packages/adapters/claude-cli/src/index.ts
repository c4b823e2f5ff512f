export {
  type ClaudeCliAdapter,
  type ClaudeCliAdapterOptions,
  createClaudeCliAdapter,
  killAllClaudeChildren,
  liveClaudeChildCount,
} from "./claude-cli-adapter";
