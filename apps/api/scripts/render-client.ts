import openapiTS, { astToString } from "openapi-typescript";
import { exportOpenApiDocument } from "../src/openapi";

export const HEADER =
  "// Generated from the API's OpenAPI document by `pnpm --filter @leadmetrics/api generate:client`. Do not edit.\n";

/** The client's types, as the current API would generate them. */
export async function renderSchema(): Promise<string> {
  const doc = await exportOpenApiDocument();
  const ast = await openapiTS(doc as never, { alphabetize: true });
  return HEADER + astToString(ast);
}
