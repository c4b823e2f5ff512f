import { writeFileSync } from "node:fs";
import { hashPassword } from "@leadmetrics/auth";
import { seedScale } from "@leadmetrics/db";
import { startBenchStack } from "/work/main/scripts/bench/stack";

const stack = await startBenchStack();
await seedScale(stack.databaseUrl, {}, await hashPassword("demo-password-1"));
writeFileSync(
  "/work/scratch/scale-db.json",
  JSON.stringify({ databaseUrl: stack.databaseUrl, redisUrl: stack.redisUrl, apiUrl: stack.apiUrl }),
);
console.log("ready", stack.databaseUrl);
process.on("SIGTERM", async () => {
  await stack.stop();
  process.exit(0);
});
setInterval(() => {}, 1 << 30);
