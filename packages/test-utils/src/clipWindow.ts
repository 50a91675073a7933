import type { Video } from "@streamkit/core";

/** A clip request the model accepted: the source, the window, the body it came with. */
export interface ClipWindow {
  from: string;
  start: number;
  end: number;
  body: Record<string, unknown>;
}

/** The fields a clip takes from its request; the rest are a new video's. */
export function clipFields(window: ClipWindow, creator: string | null): Partial<Video> {
  const { body, from } = window;
  const meta = { ...((body.meta ?? {}) as Record<string, unknown>) };
  if (typeof body.name === "string") meta.name = body.name;
  return {
    meta,
    creator,
    clippedFrom: from,
    requireSignedURLs: (body.requireSignedURLs as boolean | undefined) ?? false,
    allowedOrigins: (body.allowedOrigins as string[] | undefined) ?? [],
    thumbnailTimestampPct: (body.thumbnailTimestampPct as number | undefined) ?? 0,
    // Not the source's: a clip keeps only its own.
    scheduledDeletion: (body.scheduledDeletion as string | undefined) ?? null,
  } as Partial<Video>;
}
