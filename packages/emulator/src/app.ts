import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { EmulatorContext } from "./context";
import { ApiError, ErrorCode, failure } from "./envelope";
import { faultInjection, registerFaultRoutes } from "./faults";
import { apiAuth } from "./http/auth";
import { permissiveCors } from "./http/cors";
import { API } from "./http/lookup";
import { registerAboutRoutes } from "./routes/about";
import { registerAudioRoutes } from "./routes/audio";
import { registerCaptionRoutes } from "./routes/captions";
import { registerDeliveryRoutes } from "./routes/delivery";
import { registerDownloadRoutes } from "./routes/downloads";
import { registerKeyRoutes } from "./routes/keys";
import { registerLiveDeliveryRoutes } from "./routes/liveDelivery";
import { registerLiveInputRoutes } from "./routes/liveInputs";
import { registerSampleRoutes } from "./routes/samples";
import { registerTusRoutes } from "./routes/tus";
import { registerUploadRoutes } from "./routes/uploads";
import { registerVideoRoutes } from "./routes/videos";
import { registerWatermarkRoutes } from "./routes/watermarks";
import { registerWebhookRoutes } from "./routes/webhook";

/** Parts of the real API the emulator does not implement: an honest "no route" rather than a 400. */
const NOT_EMULATED = ["usage"];

/** The whole emulator as one Hono app: REST API, uploads, delivery, player, samples. */
export function createApp(ctx: EmulatorContext): Hono {
  const app = new Hono();
  app.use(permissiveCors());
  // Inside CORS, so injected answers carry its headers too; the admin endpoint is exempt.
  app.use(faultInjection(ctx));
  registerFaultRoutes(app, { faults: ctx.faults, credentials: ctx.options });

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      const response = failure(c, error.status, error.code, error.message);
      if (c.req.path.startsWith("/tus/")) response.headers.set("Tus-Resumable", "1.0.0");
      return response;
    }
    if (error instanceof HTTPException) {
      return failure(
        c,
        error.status as ContentfulStatusCode,
        ErrorCode.BadRequest,
        error.message || "Bad request",
      );
    }
    ctx.log(
      `internal error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return failure(c, 500, 10002, "Internal error in the emulator; see its log.");
  });
  app.notFound((c) => failure(c, 404, ErrorCode.NoRoute, "No route for the URI"));

  app.use(API, apiAuth(ctx.options));
  app.use(`${API}/*`, apiAuth(ctx.options));
  for (const name of NOT_EMULATED) {
    const noRoute = () => {
      throw new ApiError(
        404,
        ErrorCode.NoRoute,
        `No route for the URI (the emulator does not implement /stream/${name})`,
      );
    };
    app.all(`${API}/${name}`, noRoute);
    app.all(`${API}/${name}/*`, noRoute);
  }
  // Specific /stream/<word> routes first: /stream/:uid would otherwise take them.
  registerUploadRoutes(app, ctx);
  registerKeyRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  registerWatermarkRoutes(app, ctx);
  registerLiveInputRoutes(app, ctx);
  registerCaptionRoutes(app, ctx);
  registerAudioRoutes(app, ctx);
  registerDownloadRoutes(app, ctx);
  registerVideoRoutes(app, ctx);
  registerTusRoutes(app, ctx);

  registerAboutRoutes(app, ctx);
  registerSampleRoutes(app, ctx);
  // A live input's uid plays at the same URLs as a video's; its routes go first.
  registerLiveDeliveryRoutes(app, ctx);
  registerDeliveryRoutes(app, ctx);
  return app;
}
