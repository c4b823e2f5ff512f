import { createDb, migrate, seedDemo } from "@leadmetrics/db";

/** Migrates the template database and loads the demo data every test starts from. */
export async function prepareTemplate(url: string): Promise<void> {
  await migrate(url);
  const db = createDb({ url, poolMax: 2 });
  try {
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
}
