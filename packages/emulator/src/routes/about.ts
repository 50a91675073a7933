import type { Hono } from "hono";
import type { EmulatorContext } from "../context";
import { ok } from "../envelope";

/**
 * `/` and the API base (`/client/v4`) say what this server is and how to call it, so that every
 * URL `pnpm dev` prints opens to something useful. The token itself is never shown: whoever
 * started the emulator has it (it is printed at start, or was passed in).
 */
export function registerAboutRoutes(app: Hono, ctx: EmulatorContext): void {
  const about = () => {
    const origin = ctx.origin();
    const apiBase = `${origin}/client/v4`;
    const stream = `${apiBase}/accounts/${ctx.options.accountId}/stream`;
    return {
      emulator: "@streamkit/emulator",
      about:
        "A local Cloudflare Stream: the REST API, uploads, processing, delivery and the player.",
      apiBase,
      accountId: ctx.options.accountId,
      videos: stream,
      usage: `curl -H "Authorization: Bearer <token>" ${stream}`,
      deliveryOrigin: origin,
      sdk: `${origin}/embed/sdk.latest.js`,
      samples: `${origin}/samples`,
      ffmpeg: ctx.tools ? ctx.tools.version : null,
    };
  };
  app.get("/", (c) => ok(c, about()));
  app.get("/client/v4", (c) => ok(c, about()));
  app.get("/client/v4/", (c) => ok(c, about()));
}
