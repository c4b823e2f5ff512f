import { CHANNEL_CATALOG, type ChannelKind, type ChannelMediaRules } from "@leadmetrics/catalog";
import type { MediaLinkClaims } from "@leadmetrics/channels";
import type { Db } from "@leadmetrics/db";
import { AppError, notFound } from "@leadmetrics/errors";
import type { Storage } from "@leadmetrics/storage";
import sharp from "sharp";

export interface ImageVariant {
  bytes: Buffer;
  contentType: string;
  width: number;
  height: number;
}

type OutputType = ChannelMediaRules["formats"][number];
const SHARP_FORMAT: Record<OutputType, "jpeg" | "png" | "gif" | "webp"> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
};
const CONTENT_TYPE: Record<string, OutputType> = {
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
};

/**
 * An image converted to a network's rules: turned upright, padded (white) into the aspect ratios
 * it accepts, scaled down to its longest side, re-encoded to a format it takes, and compressed
 * until it fits its byte limit. Refuses, in words a client can act on, an image too small to be
 * shown well: upscaling would only blur it.
 */
export async function convertForNetwork(input: Uint8Array, kind: ChannelKind): Promise<ImageVariant> {
  const { label, media: rules } = CHANNEL_CATALOG[kind] as { label: string; media: ChannelMediaRules };
  const meta = await sharp(input).metadata();
  const upright = (meta.orientation ?? 1) >= 5;
  const width = (upright ? meta.height : meta.width) ?? 0;
  const height = (upright ? meta.width : meta.height) ?? 0;
  if (Math.min(width, height) < rules.minSide)
    throw new AppError(
      422,
      "VALIDATION_ERROR",
      `This image is ${width}×${height} px; ${label} needs at least ${rules.minSide} px on each side: choose a larger image.`,
      { reason: "image_too_small" },
    );
  const current = CONTENT_TYPE[meta.format ?? ""];
  const output: OutputType = current && rules.formats.includes(current) ? current : (rules.formats[0] ?? "image/jpeg");

  // Padding that brings the ratio inside the accepted range; none when it already is.
  let padX = 0;
  let padY = 0;
  if (rules.aspectRatio) {
    const ratio = width / height;
    if (ratio < rules.aspectRatio.min) padX = Math.ceil(height * rules.aspectRatio.min) - width;
    else if (ratio > rules.aspectRatio.max) padY = Math.ceil(width / rules.aspectRatio.max) - height;
  }
  // sharp resizes before it extends, whatever the call order: pad first, losslessly, then scale.
  const source =
    padX || padY
      ? await sharp(input)
          .rotate()
          .extend({
            left: Math.floor(padX / 2),
            right: Math.ceil(padX / 2),
            top: Math.floor(padY / 2),
            bottom: Math.ceil(padY / 2),
            background: "#ffffff",
          })
          .png()
          .toBuffer()
      : input;
  let side = rules.maxSide;
  for (const quality of [85, 75, 65, 55, 45]) {
    let img = sharp(source, { animated: output === "image/gif" }).rotate();
    img = img.resize({ width: side, height: side, fit: "inside", withoutEnlargement: true });
    if (output === "image/jpeg") img = img.flatten({ background: "#ffffff" });
    const { data, info } = await img.toFormat(SHARP_FORMAT[output], { quality }).toBuffer({ resolveWithObject: true });
    if (data.length <= rules.maxImageBytes)
      return { bytes: data, contentType: output, width: info.width, height: info.height };
    // Lossless formats do not shrink with quality: scale down instead.
    side = Math.round(Math.max(info.width, info.height) * 0.8);
  }
  throw new AppError(
    422,
    "VALIDATION_ERROR",
    `This image cannot be made smaller than ${label}'s limit of ${Math.round(rules.maxImageBytes / 1_000_000)} MB: choose another image.`,
    { reason: "image_too_large" },
  );
}

/**
 * The image a signed media link names, converted for its network; converted once and kept next
 * to the original (a network fetching the same link twice gets the same bytes).
 */
export async function mediaVariant(deps: { db: Db; storage: Storage }, claims: MediaLinkClaims): Promise<ImageVariant> {
  const asset = await deps.db.mediaAsset.findFirst({
    where: { id: claims.mediaId, tenantId: claims.tenantId },
    select: { storageKey: true },
  });
  if (!asset) throw notFound("Image");
  const variantKey = `${claims.tenantId}/variants/${claims.mediaId}-${claims.kind}`;
  const cached = await deps.storage.get(variantKey);
  if (cached) {
    const meta = await sharp(cached).metadata();
    return {
      bytes: cached,
      contentType: CONTENT_TYPE[meta.format ?? ""] ?? "application/octet-stream",
      width: meta.width ?? 0,
      height: meta.height ?? 0,
    };
  }
  const original = await deps.storage.get(asset.storageKey);
  if (!original) throw notFound("Image");
  const variant = await convertForNetwork(original, claims.kind);
  await deps.storage.put(variantKey, variant.bytes);
  return variant;
}
