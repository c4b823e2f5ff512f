/** Runs once when the server starts (never during the build): a bad environment stops it, naming the variable. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("@leadmetrics/middleware")).loadPortalEnvOrExit("dashboard");
}
