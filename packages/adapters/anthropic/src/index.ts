export { type AnthropicAdapterOptions, createAnthropicAdapter } from "./anthropic-adapter";
