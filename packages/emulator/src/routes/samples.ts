import type { Hono } from "hono";
import type { EmulatorContext } from "../context";
import { serveFile } from "../delivery/files";

/** `/samples` (a JSON list for dashboards) and `/samples/<name>.mp4` (with HEAD and Range). */
export function registerSampleRoutes(app: Hono, ctx: EmulatorContext): void {
  app.get("/samples", async (c) => c.json(await ctx.samples.list()));

  app.get("/samples/:file", async (c) => {
    const file = c.req.param("file");
    if (!file.endsWith(".mp4")) return c.text("Not found", 404);
    let path: string | undefined;
    try {
      path = await ctx.samples.file(file.slice(0, -4));
    } catch {
      return c.text("The sample could not be generated; see the emulator log.", 500);
    }
    if (!path) return c.text("No such sample; GET /samples lists them.", 404);
    return serveFile(c, path, { contentType: "video/mp4", maxAge: 3600 });
  });
}
