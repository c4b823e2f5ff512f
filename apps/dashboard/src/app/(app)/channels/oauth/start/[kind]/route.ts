import { channelKindLabel } from "@leadmetrics/catalog";
import { flash, formError, serverApi } from "@leadmetrics/ui/server";
import { type NextRequest, NextResponse } from "next/server";
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
  const back = (path: string) => NextResponse.redirect(new URL(path, req.nextUrl.origin), 303);
  if (res.response.status === 302 && location) return NextResponse.redirect(location, 302);
  if (res.response.status === 401) return back("/login");
  if (res.response.status === 503) {
    await flash("error", formError(res.error).error ?? `${channelKindLabel(kind)} is not set up on this platform yet.`);
    return back("/channels");
  }
  await rememberConnectFailure({
    kind,
    message: formError(res.error).error ?? `${channelKindLabel(kind)} could not be reached: try again in a moment.`,
  });
  return back("/channels/oauth/failed");
}
