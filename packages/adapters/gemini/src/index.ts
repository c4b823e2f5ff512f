export { createGeminiAdapter, type GeminiAdapterOptions } from "./gemini-adapter";
