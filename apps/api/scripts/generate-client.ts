import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { renderSchema } from "./render-client";

const target = fileURLToPath(new URL("../../../packages/api-client/src/schema.ts", import.meta.url));
await writeFile(target, await renderSchema());
console.log(`wrote ${target}`);
process.exit(0);
