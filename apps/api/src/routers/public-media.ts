import { createMediaLinks } from "@leadmetrics/channels";
import { notFound } from "@leadmetrics/errors";
import { createStorage } from "@leadmetrics/storage";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { mediaVariant } from "../domain/media-variants";
import { errorResponses, errorSchema } from "../lib/http-schemas";
import type { RouterContext } from "./context";

/**
 * `/public/v1/media/:token`: a post's image, converted to its network's rules, at a signed address
 * that expires. The networks that fetch images themselves (Instagram, Google Business Profile)
 * and the publisher read it; the token is the only credential (public-routes.ts lists it).
 */
export const publicMediaRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const storage = createStorage({ dir: ctx.config.STORAGE_DIR });
    const links = createMediaLinks({
      baseUrl: ctx.config.MEDIA_PUBLIC_URL,
      channelSecretsKey: ctx.config.CHANNEL_SECRETS_KEY,
    });
    app.get(
      "/media/:token",
      {
        schema: {
          tags: ["public"],
          description:
            "A signed, expiring link to an image converted for one network. 404 for a forged, altered or expired link; 422 when the image cannot meet the network's rules (the message says why).",
          params: z.object({ token: z.string().max(1024) }),
          response: { 200: z.any().describe("The image bytes"), ...errorResponses, 422: errorSchema },
        },
      },
      async (req, reply) => {
        const claims = links.verify(req.params.token);
        if (!claims) throw notFound("Image");
        const image = await mediaVariant({ db: ctx.db, storage }, claims);
        return reply
          .header("content-type", image.contentType)
          .header("cache-control", "private, max-age=300")
          .header("x-image-width", String(image.width))
          .header("x-image-height", String(image.height))
          .send(image.bytes);
      },
    );
  };
