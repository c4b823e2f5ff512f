export const TEMPLATE_DATABASE = "leadmetrics_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDatabase: string;
    redisUrl: string;
    /** A folder of this run for servers a test starts itself; anything still running in it is killed at the end. */
    scratchDir: string;
  }
}
