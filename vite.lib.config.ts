import react from "@vitejs/plugin-react";
import { defineConfig, type UserConfig } from "vite";

/** Peers and sibling packages stay external: apps dedupe them, and each package is measured alone. */
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^@streamkit\//,
  /^node:/,
  /^hono($|\/)/,
  /^@hono\//,
  /^@tus\//,
  /^tus-js-client$/,
  /^node-media-server($|\/)/,
  /^ioredis$/,
  /^hls\.js($|\/)/,
];

export interface LibraryOptions {
  /** Entry points, keyed by output file name (without extension). */
  entry: Record<string, string>;
  /** React packages get the JSX transform; their entry's own `"use client"` directive is kept. */
  react?: boolean;
}

export function libraryConfig({ entry, react: isReact = false }: LibraryOptions): UserConfig {
  // What is published must not depend on the shell that built it: with NODE_ENV=test (a build
  // run from vitest) or development (after a Vite dev server in the same process), vite and the
  // React plugin would emit `jsxDEV` from react/jsx-dev-runtime, which production React lacks.
  process.env.NODE_ENV = "production";
  return defineConfig({
    plugins: isReact ? [react()] : [],
    build: {
      lib: { entry, formats: ["es"] },
      sourcemap: true,
      minify: false,
      // vite runs before `tsc -b`, so emptying here only clears stale chunks, never fresh d.ts.
      emptyOutDir: true,
      target: "es2022",
      rollupOptions: { external },
    },
  });
}
