export const TEMPLATE_DATABASE = "leadmetrics_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDatabase: string;
    redisUrl: string;
  }
}
