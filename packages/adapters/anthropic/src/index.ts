export { createAnthropicAdapter, type AnthropicAdapterOptions } from "./anthropic-adapter";
