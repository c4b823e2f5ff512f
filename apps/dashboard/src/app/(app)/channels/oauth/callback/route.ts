import { channelKindLabel } from "@leadmetrics/catalog";
import { flash, formError, serverApi } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { rememberConnectFailure } from "../../connect-outcome";

const EXPIRED = "This connection link has expired or was already used: start connecting again from Channels.";

/**
 * Where a network sends the person back (the platform's redirect URL): the code, state or error
 * go to the API as they came. Then: pick an account, or (a reconnect) back to Channels with a
 * toast, or the page that says what went wrong in the API's words.
 */
export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams;
  const optional = (name: string, max: number) => {
    const value = q.get(name);
    return value ? value.slice(0, max) : undefined;
  };
  const code = optional("code", 4096);
  const error = optional("error", 200);
  const errorDescription = optional("error_description", 1000);
  if (!q.get("state")) {
    await rememberConnectFailure(EXPIRED);
    redirect("/channels/oauth/failed");
  }
  const api = await serverApi("dashboard");
  const res = await api.POST("/tenant/v1/channels/oauth/callback", {
    body: {
      state: (q.get("state") ?? "").slice(0, 512),
      ...(code ? { code } : {}),
      ...(error ? { error } : {}),
      ...(errorDescription ? { errorDescription } : {}),
    },
  });
  if (res.response.status === 401) redirect("/login");
  const done = res.data;
  if (done?.outcome === "choose") redirect(`/channels/connect/${done.connectionId}`);
  if (done?.outcome === "reconnected") {
    const channel = await api.GET("/tenant/v1/channels");
    const c = channel.data?.items.find((i) => i.id === done.channelId);
    await flash(
      "success",
      c
        ? `${c.name} on ${channelKindLabel(c.kind)} is reconnected: publishing there works again.`
        : "Reconnected: publishing there works again.",
    );
    redirect("/channels");
  }
  await rememberConnectFailure(formError(res.error).error ?? EXPIRED);
  redirect("/channels/oauth/failed");
}
