import { mkdir } from "node:fs/promises";
import path from "node:path";
import { MAX_AUDIO_LABEL_LENGTH, MAX_AUDIO_TRACK_BYTES } from "@streamkit/core/requests";
import type { Context, Hono } from "hono";
import type { EmulatorContext } from "../context";
import { ApiError, badRequest, ErrorCode, notFound, ok } from "../envelope";
import { removeDir } from "../fsutil";
import { Fields, readJsonObject } from "../http/body";
import { API, requireReady, requireVideo } from "../http/lookup";
import { formText, readMultipartForm, saveFile } from "../http/multipart";
import { isUid, newUid } from "../ids";
import {
  audioTrackPath,
  processAudioTrack,
  removeAudioTrackFiles,
} from "../processing/audio-tracks";
import type { AudioTrackRecord, VideoRecord } from "../records";
import { assertHttpUrl } from "./videos";

const view = (t: AudioTrackRecord) => ({
  uid: t.uid,
  label: t.label,
  default: t.default,
  status: t.status,
});

/** Control characters would break the HLS playlist the label is written into. */
const hasControl = (text: string) =>
  [...text].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });

function checkLabel(value: string | undefined): string {
  if (value === undefined || value.trim() === "") throw badRequest("label: required.");
  if (value.length > MAX_AUDIO_LABEL_LENGTH)
    throw badRequest(`label: at most ${MAX_AUDIO_LABEL_LENGTH} characters.`);
  if (hasControl(value)) throw badRequest("label: must not contain control characters.");
  return value;
}

/** Labels tell the tracks of a video apart (in the player's menu, too): 409 for a taken one. */
function assertLabelFree(record: VideoRecord, label: string, except?: string): void {
  if ((record.audio ?? []).some((t) => t.label === label && t.uid !== except)) {
    throw new ApiError(
      409,
      ErrorCode.Conflict,
      `Video ${record.uid} already has an audio track labelled ${JSON.stringify(label)}.`,
    );
  }
}

function requireTrack(record: VideoRecord, uid: string | undefined): AudioTrackRecord {
  if (!isUid(uid))
    throw badRequest(`${JSON.stringify(uid ?? "")} is not an audio track uid (32 hex characters).`);
  const track = record.audio?.find((t) => t.uid === uid);
  if (!track) throw notFound(`Video ${record.uid} has no audio track ${uid}.`);
  return track;
}

/** Additional audio tracks (§3.10): add from a URL or a file, list, rename, make default, delete. */
export function registerAudioRoutes(app: Hono, ctx: EmulatorContext): void {
  /** A new `queued` track; an uploaded file is stored before the track is listed. */
  const add = async (
    c: Context,
    record: VideoRecord,
    label: string,
    source: { url: string } | { file: File },
  ) => {
    assertLabelFree(record, label);
    const track: AudioTrackRecord = {
      uid: newUid(),
      label,
      default: false,
      status: "queued",
      ...("url" in source ? { sourceUrl: source.url } : {}),
    };
    if ("file" in source) {
      const target = audioTrackPath(ctx, record.uid, track.uid, "source");
      await mkdir(path.dirname(target), { recursive: true });
      await saveFile(source.file, target);
    }
    const updated = await ctx.store
      .update(record.uid, (r) => {
        // Checked again: another request may have taken the label while the file was saved.
        assertLabelFree(r, label);
        r.audio = [...(r.audio ?? []), track];
      })
      .catch(async (error: unknown) => {
        await removeDir(audioTrackPath(ctx, record.uid, track.uid));
        throw error;
      });
    if (!updated) {
      // Deleted while the file was being saved: saving brought its directory back.
      await removeDir(ctx.store.dir(record.uid));
      throw notFound(`No video with uid ${record.uid}.`);
    }
    processAudioTrack(ctx, record.uid, track.uid);
    return ok(c, view(track));
  };

  app.get(`${API}/:uid/audio`, (c) =>
    ok(c, { audio: (requireVideo(ctx, c.req.param("uid")).audio ?? []).map(view) }),
  );

  app.post(`${API}/:uid/audio/copy`, async (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    const fields = new Fields(await readJsonObject(c));
    const label = checkLabel(fields.string("label", MAX_AUDIO_LABEL_LENGTH + 1));
    const url = fields.string("url");
    if (url === undefined) throw badRequest("url: the URL of the audio file is required.");
    requireReady(record, "An audio track");
    return add(c, record, label, { url: assertHttpUrl(url, "url") });
  });

  // readMultipartForm refuses an oversized body, declared or chunked.
  app.post(`${API}/:uid/audio`, async (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    requireReady(record, "An audio track");
    const { file, form } = await readMultipartForm(c, MAX_AUDIO_TRACK_BYTES);
    const label = checkLabel(formText(form, "label"));
    return add(c, record, label, { file });
  });

  app.patch(`${API}/:uid/audio/:audioUid`, async (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    const track = requireTrack(record, c.req.param("audioUid"));
    const fields = new Fields(await readJsonObject(c));
    const label = fields.has("label")
      ? checkLabel(fields.string("label", MAX_AUDIO_LABEL_LENGTH + 1))
      : undefined;
    const makeDefault = fields.boolean("default");
    if (label !== undefined) assertLabelFree(record, label, track.uid);
    await ctx.store.update(record.uid, (r) => {
      for (const t of r.audio ?? []) {
        if (t.uid === track.uid) {
          if (label !== undefined) t.label = label;
          if (makeDefault !== undefined) t.default = makeDefault;
        } else if (makeDefault === true) {
          // One default per video: the player starts with it.
          t.default = false;
        }
      }
    });
    return ok(c, view(requireTrack(requireVideo(ctx, record.uid), track.uid)));
  });

  app.delete(`${API}/:uid/audio/:audioUid`, async (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    const track = requireTrack(record, c.req.param("audioUid"));
    if (track.default) {
      throw new ApiError(
        400,
        ErrorCode.Conflict,
        `Audio track ${track.uid} is the default track; unset default (PATCH default: false) or make another track the default first.`,
      );
    }
    await removeAudioTrackFiles(ctx, record.uid, track.uid);
    await ctx.store.update(record.uid, (r) => {
      r.audio = (r.audio ?? []).filter((t) => t.uid !== track.uid);
    });
    return ok(c, "ok");
  });
}
