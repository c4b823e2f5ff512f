export { createOfflineAdapter, type OfflineAdapterOptions } from "./offline-adapter";
