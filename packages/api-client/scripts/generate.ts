import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { renderSchema } from "./render";

const target = fileURLToPath(new URL("../src/schema.ts", import.meta.url));
await writeFile(target, await renderSchema());
console.log(`wrote ${target}`);
process.exit(0);
