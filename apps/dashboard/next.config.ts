import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: [
    "@leadmetrics/ui",
    "@leadmetrics/api-client",
    "@leadmetrics/middleware",
    "@leadmetrics/auth",
    "@leadmetrics/catalog",
  ],
  poweredByHeader: false,
  // "Add an image" posts the file through a server action: the media library takes up to 10 MB.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
  typescript: { ignoreBuildErrors: false },
};

export default config;
