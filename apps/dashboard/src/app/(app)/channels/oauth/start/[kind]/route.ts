import { channelKindLabel } from "@leadmetrics/catalog";
import { flash, formError, serverApi } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { rememberConnectFailure } from "../../../connect-outcome";

/**
 * "Connect LinkedIn" (and "Reconnect"): asks the API for the network's consent page, which answers
 * with a redirect the browser must follow itself (the state is bound to this person's session).
 * A network the platform has no app keys for answers 503: back to Channels, saying so.
 */
export async function GET(req: NextRequest, ctx: { params: Promise<{ kind: string }> }) {
  const { kind } = await ctx.params;
  const reconnect = req.nextUrl.searchParams.get("reconnect") ?? undefined;
  const api = await serverApi("dashboard");
  const res = await api.GET("/tenant/v1/channels/{kind}/oauth/start", {
    params: { path: { kind }, query: reconnect ? { reconnect } : {} },
    redirect: "manual",
  });
  const location = res.response.headers.get("location");
  if (res.response.status === 302 && location) redirect(location);
  if (res.response.status === 401) redirect("/login");
  if (res.response.status === 503) {
    await flash("error", formError(res.error).error ?? `${channelKindLabel(kind)} is not set up on this platform yet.`);
    redirect("/channels");
  }
  await rememberConnectFailure(
    formError(res.error).error ?? `${channelKindLabel(kind)} could not be reached: try again in a moment.`,
  );
  redirect("/channels/oauth/failed");
}
