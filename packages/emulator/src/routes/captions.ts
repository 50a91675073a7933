import { rm } from "node:fs/promises";
import { MAX_CAPTION_BYTES } from "@streamkit/core/captions";
import type { Context, Hono } from "hono";
import type { EmulatorContext } from "../context";
import { serveFile } from "../delivery/files";
import { ApiError, badRequest, ErrorCode, notFound, ok } from "../envelope";
import { writeFileAtomic } from "../fsutil";
import { API, requireReady, requireVideo } from "../http/lookup";
import { readMultipartFile } from "../http/multipart";
import {
  captionLabel,
  GENERATABLE_LANGUAGES,
  newCaptionGeneration,
  scheduleGeneratedCaption,
} from "../processing/captions";
import type { CaptionRecord } from "../records";

function language(c: Context): string {
  const raw = c.req.param("language") ?? "";
  try {
    const [canonical] = Intl.getCanonicalLocales(raw);
    if (canonical) return canonical;
  } catch {}
  throw badRequest(`${JSON.stringify(raw)} is not a BCP-47 language tag (e.g. en, de, en-GB).`);
}

const view = (t: CaptionRecord) => ({
  language: t.language,
  label: t.label,
  generated: t.generated,
  status: t.status,
});

/** Captions (§3.8): upload WebVTT, generate (simulated), list, fetch, delete. */
export function registerCaptionRoutes(app: Hono, ctx: EmulatorContext): void {
  const captionFile = (uid: string, lang: string) => ctx.store.file(uid, "captions", `${lang}.vtt`);

  app.get(`${API}/:uid/captions`, (c) =>
    ok(c, requireVideo(ctx, c.req.param("uid")).captions.map(view)),
  );

  app.get(`${API}/:uid/captions/:language`, (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    const lang = language(c);
    const caption = record.captions.find((t) => t.language === lang);
    if (!caption) throw notFound(`Video ${record.uid} has no ${lang} captions.`);
    return ok(c, view(caption));
  });

  app.put(`${API}/:uid/captions/:language`, async (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    const lang = language(c);
    const file = await readMultipartFile(c, MAX_CAPTION_BYTES);
    const text = await file.text();
    if (!/^\uFEFF?WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(text)) {
      throw badRequest("The caption file must be WebVTT (it has to start with WEBVTT).");
    }
    await writeFileAtomic(captionFile(record.uid, lang), text);
    const caption: CaptionRecord = {
      language: lang,
      label: captionLabel(lang),
      generated: false,
      status: "ready",
    };
    await ctx.store.update(record.uid, (r) => {
      r.captions = [...r.captions.filter((t) => t.language !== lang), caption];
    });
    return ok(c, view(caption));
  });

  app.delete(`${API}/:uid/captions/:language`, async (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    const lang = language(c);
    if (!record.captions.some((t) => t.language === lang))
      throw notFound(`Video ${record.uid} has no ${lang} captions.`);
    await ctx.store.update(record.uid, (r) => {
      r.captions = r.captions.filter((t) => t.language !== lang);
    });
    await rm(captionFile(record.uid, lang), { force: true });
    return ok(c, "");
  });

  app.post(`${API}/:uid/captions/:language/generate`, async (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    const lang = language(c);
    requireReady(record, "Generating captions");
    if (!GENERATABLE_LANGUAGES.includes(lang)) {
      throw badRequest(
        `Captions can be generated for ${GENERATABLE_LANGUAGES.join(", ")}; not ${lang}.`,
      );
    }
    if (record.captions.some((t) => t.language === lang)) {
      throw new ApiError(
        409,
        ErrorCode.Conflict,
        `Video ${record.uid} already has ${lang} captions; delete them first.`,
      );
    }
    const caption: CaptionRecord = {
      language: lang,
      label: `${captionLabel(lang)} (auto-generated)`,
      generated: true,
      status: "inprogress",
      generation: newCaptionGeneration(),
    };
    await ctx.store.update(record.uid, (r) => {
      r.captions = [...r.captions, caption];
    });
    scheduleGeneratedCaption(
      ctx,
      record.uid,
      lang,
      caption.generation,
      ctx.options.processing.captionDelayMs,
    );
    return ok(c, view(caption));
  });

  app.get(`${API}/:uid/captions/:language/vtt`, (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    const lang = language(c);
    const caption = record.captions.find((t) => t.language === lang);
    if (!caption) throw notFound(`Video ${record.uid} has no ${lang} captions.`);
    if (caption.status !== "ready")
      throw new ApiError(409, ErrorCode.Conflict, `The ${lang} captions are ${caption.status}.`);
    return serveFile(c, captionFile(record.uid, lang), { contentType: "text/vtt; charset=utf-8" });
  });
}
