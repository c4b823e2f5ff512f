import { imageResponse, serverApi } from "@leadmetrics/ui/server";

/** An image the reviewed post carries, for its preview: the API's file, read with the reviewer's session. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; mediaId: string }> }) {
  const { id, mediaId } = await ctx.params;
  const api = await serverApi("dm");
  return imageResponse(
    await api.GET("/dm/v1/activities/{id}/media/{mediaId}", { params: { path: { id, mediaId } }, parseAs: "stream" }),
  );
}
