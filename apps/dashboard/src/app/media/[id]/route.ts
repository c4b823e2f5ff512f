import { serverApi } from "@leadmetrics/ui/server";

/**
 * An image of the workspace's media library for the portal's pages (a post's preview, the image
 * picker): the API's file, read with the person's own session, passed through as it is.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const api = await serverApi("dashboard");
  const res = await api.GET("/tenant/v1/media/{id}/file", { params: { path: { id } }, parseAs: "stream" });
  if (!res.response.ok || !res.data) return new Response(null, { status: res.response.status === 401 ? 401 : 404 });
  return new Response(res.data, {
    headers: {
      "content-type": res.response.headers.get("content-type") ?? "application/octet-stream",
      "cache-control": "private, max-age=300",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
