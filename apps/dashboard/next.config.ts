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
  typescript: { ignoreBuildErrors: false },
};

export default config;
