import { imageResponse, serverApi } from "@leadmetrics/ui/server";

/**
 * An image of the workspace's media library for the portal's pages (a post's preview, the image
 * picker): the API's file, read with the person's own session.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const api = await serverApi("dashboard");
  return imageResponse(await api.GET("/tenant/v1/media/{id}/file", { params: { path: { id } }, parseAs: "stream" }));
}
