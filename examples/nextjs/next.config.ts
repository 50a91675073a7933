import path from "node:path";
import type { NextConfig } from "next";

// The workspace root, where pnpm's lockfile and store are: naming it tells Next which lockfile is
// the project's (else it warns about finding several) and lets Turbopack resolve the linked
// workspace packages, whose real paths are outside this folder.
const root = path.resolve(import.meta.dirname, "../..");

const config: NextConfig = {
  outputFileTracingRoot: root,
  turbopack: { root },
  poweredByHeader: false,
};

export default config;
