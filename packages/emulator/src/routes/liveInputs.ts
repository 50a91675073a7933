import {
  LIVE_RECORDING_MODES,
  MAX_CREATOR_LENGTH,
  MAX_RECORDING_DAYS,
  MAX_RECORDING_TIMEOUT_SECONDS,
  MIN_RECORDING_DAYS,
} from "@streamkit/core/requests";
import type { Context, Hono } from "hono";
import type { EmulatorContext } from "../context";
import { badRequest, notFound, ok } from "../envelope";
import { Fields, readJsonObject } from "../http/body";
import { API } from "../http/lookup";
import { isUid, newUid } from "../ids";
import type { LiveInputRecord, LiveOutputRecord, RecordingSettings } from "../live/records";
import { newSecrets } from "../live/store";
import { liveInputSummary, liveInputView, liveOutputView } from "../live/view";

const DEFAULT_RECORDING: RecordingSettings = {
  mode: "off",
  timeoutSeconds: 0,
  requireSignedURLs: false,
  allowedOrigins: null,
  hideLiveViewerCount: false,
};

type Settings = Partial<
  Pick<
    LiveInputRecord,
    "meta" | "defaultCreator" | "enabled" | "deleteRecordingAfterDays" | "preferLowLatency"
  >
> & { recording?: Partial<RecordingSettings> };

/** The body of create and update; unknown keys are ignored, as the API does. */
function readSettings(body: Record<string, unknown>): Settings {
  const fields = new Fields(body);
  const settings: Settings = {};
  const meta = fields.object("meta");
  if (meta) settings.meta = meta;
  const creator = fields.nullableString("defaultCreator", MAX_CREATOR_LENGTH);
  if (creator !== undefined) settings.defaultCreator = creator;
  const enabled = fields.boolean("enabled");
  if (enabled !== undefined) settings.enabled = enabled;
  const lowLatency = fields.boolean("preferLowLatency");
  if (lowLatency !== undefined) settings.preferLowLatency = lowLatency;
  if (fields.raw("deleteRecordingAfterDays") === null) settings.deleteRecordingAfterDays = null;
  else {
    const days = fields.number(
      "deleteRecordingAfterDays",
      MIN_RECORDING_DAYS,
      MAX_RECORDING_DAYS,
      true,
    );
    if (days !== undefined) settings.deleteRecordingAfterDays = days;
  }
  const recording = fields.object("recording");
  if (recording) {
    const r = new Fields(recording);
    const at = (name: string) => `recording.${name}`;
    const read: Partial<RecordingSettings> = {};
    const mode = r.string("mode");
    if (mode !== undefined) {
      if (!(LIVE_RECORDING_MODES as readonly string[]).includes(mode))
        throw badRequest(`${at("mode")}: expected one of ${LIVE_RECORDING_MODES.join(", ")}.`);
      read.mode = mode as RecordingSettings["mode"];
    }
    const timeout = r.number("timeoutSeconds", 0, MAX_RECORDING_TIMEOUT_SECONDS, true);
    if (timeout !== undefined) read.timeoutSeconds = timeout;
    for (const key of ["requireSignedURLs", "hideLiveViewerCount"] as const) {
      const value = r.boolean(key);
      if (value !== undefined) read[key] = value;
    }
    if (r.raw("allowedOrigins") === null) read.allowedOrigins = null;
    else {
      const origins = r.stringArray("allowedOrigins");
      if (origins !== undefined) read.allowedOrigins = origins;
    }
    settings.recording = read;
  }
  return settings;
}

/** Low-latency HLS records as it goes, so it needs `automatic` (the schema says so). */
function assertLowLatencyRecorded(record: Pick<LiveInputRecord, "preferLowLatency" | "recording">) {
  if (record.preferLowLatency && record.recording.mode !== "automatic")
    throw badRequest("preferLowLatency: needs recording.mode automatic.");
}

function requireInput(ctx: EmulatorContext, uid: string | undefined): LiveInputRecord {
  if (!isUid(uid))
    throw badRequest(
      `${JSON.stringify(uid ?? "")} is not a live input uid (32 lowercase hex characters).`,
    );
  const record = ctx.live.inputs.get(uid);
  if (!record) throw notFound(`No live input with uid ${uid}.`);
  return record;
}

function requireOutput(record: LiveInputRecord, uid: string | undefined): LiveOutputRecord {
  if (!isUid(uid))
    throw badRequest(
      `${JSON.stringify(uid ?? "")} is not an output uid (32 lowercase hex characters).`,
    );
  const output = record.outputs.find((o) => o.uid === uid);
  if (!output) throw notFound(`No output with uid ${uid} on live input ${record.uid}.`);
  return output;
}

const OUTPUT_URL = /^(rtmps?|srt):\/\/[^\s/]+/i;

/** Live inputs (§3.16): create, list, get, update, delete, enable, disable, rotate keys, outputs. */
export function registerLiveInputRoutes(app: Hono, ctx: EmulatorContext): void {
  const base = `${API}/live_inputs`;
  const answer = (c: Context, record: LiveInputRecord) =>
    ok(c, liveInputView(record, ctx.live.urls()));
  const changed = async (uid: string, change: (record: LiveInputRecord) => void) => {
    const record = await ctx.live.inputs.update(uid, change);
    if (!record) throw notFound(`No live input with uid ${uid}.`);
    return record;
  };

  app.post(base, async (c) => {
    const settings = readSettings(await readJsonObject(c));
    const fields = {
      meta: settings.meta ?? {},
      defaultCreator: settings.defaultCreator ?? null,
      enabled: settings.enabled ?? true,
      deleteRecordingAfterDays: settings.deleteRecordingAfterDays ?? null,
      preferLowLatency: settings.preferLowLatency ?? false,
      recording: { ...DEFAULT_RECORDING, ...settings.recording },
      status: null,
      secrets: newSecrets(),
      outputs: [],
    };
    assertLowLatencyRecorded(fields);
    const record = await ctx.live.inputs.create(fields);
    ctx.log(`live input ${record.uid} created (recording ${record.recording.mode})`);
    return answer(c, record);
  });

  // Every input in one window: `range` 0 (none left), `total` all of them.
  app.get(base, (c) => {
    const all = ctx.live.inputs.all();
    return ok(c, { liveInputs: all.map(liveInputSummary), range: 0, total: all.length });
  });

  app.get(`${base}/:uid`, (c) => answer(c, requireInput(ctx, c.req.param("uid"))));

  app.put(`${base}/:uid`, async (c) => {
    const current = requireInput(ctx, c.req.param("uid"));
    const settings = readSettings(await readJsonObject(c));
    const next = {
      ...current,
      ...settings,
      recording: { ...current.recording, ...settings.recording },
    };
    assertLowLatencyRecorded(next);
    const record = await changed(current.uid, (r) => {
      Object.assign(r, settings, { recording: next.recording });
    });
    if (settings.enabled === false) await ctx.live.disconnect(record.uid);
    return answer(c, record);
  });

  app.delete(`${base}/:uid`, async (c) => {
    const record = requireInput(ctx, c.req.param("uid"));
    await ctx.live.forget(record.uid);
    await ctx.live.inputs.delete(record.uid);
    ctx.log(`live input ${record.uid} deleted`);
    return ok(c, "");
  });

  app.post(`${base}/:uid/enable`, async (c) => {
    const { uid } = requireInput(ctx, c.req.param("uid"));
    return answer(
      c,
      await changed(uid, (r) => {
        r.enabled = true;
      }),
    );
  });

  app.post(`${base}/:uid/disable`, async (c) => {
    const { uid } = requireInput(ctx, c.req.param("uid"));
    const record = await changed(uid, (r) => {
      r.enabled = false;
    });
    await ctx.live.disconnect(uid);
    return answer(c, record);
  });

  app.post(`${base}/:uid/rotate_keys`, async (c) => {
    const { uid } = requireInput(ctx, c.req.param("uid"));
    const record = await changed(uid, (r) => {
      r.secrets = newSecrets();
      r.keysRotatedAt = new Date().toISOString();
    });
    // A broadcaster on the old key is cut off; it may come back with the new one.
    await ctx.live.disconnect(uid);
    ctx.log(`live input ${uid}: keys rotated`);
    return answer(c, record);
  });

  app.get(`${base}/:uid/outputs`, (c) =>
    ok(c, requireInput(ctx, c.req.param("uid")).outputs.map(liveOutputView)),
  );

  app.post(`${base}/:uid/outputs`, async (c) => {
    const { uid } = requireInput(ctx, c.req.param("uid"));
    const fields = new Fields(await readJsonObject(c));
    const url = fields.string("url", 2048);
    if (url === undefined || !OUTPUT_URL.test(url))
      throw badRequest("url: expected an rtmp://, rtmps:// or srt:// URL.");
    const streamKey = fields.string("streamKey", 1024);
    if (streamKey === undefined) throw badRequest("streamKey: required.");
    const output: LiveOutputRecord = {
      uid: newUid(),
      url,
      streamKey,
      enabled: fields.boolean("enabled") ?? true,
    };
    await changed(uid, (r) => {
      r.outputs.push(output);
    });
    ctx.live.outputsChanged(uid);
    return ok(c, liveOutputView(output));
  });

  app.put(`${base}/:uid/outputs/:output`, async (c) => {
    const record = requireInput(ctx, c.req.param("uid"));
    const { uid } = requireOutput(record, c.req.param("output"));
    const enabled = new Fields(await readJsonObject(c)).boolean("enabled");
    if (enabled === undefined) throw badRequest("enabled: required (true or false).");
    const next = await changed(record.uid, (r) => {
      const output = r.outputs.find((o) => o.uid === uid);
      if (output) output.enabled = enabled;
    });
    ctx.live.outputsChanged(record.uid);
    return ok(c, liveOutputView(requireOutput(next, uid)));
  });

  app.delete(`${base}/:uid/outputs/:output`, async (c) => {
    const record = requireInput(ctx, c.req.param("uid"));
    const { uid } = requireOutput(record, c.req.param("output"));
    await changed(record.uid, (r) => {
      r.outputs = r.outputs.filter((o) => o.uid !== uid);
    });
    ctx.live.outputsChanged(record.uid);
    return ok(c, "");
  });
}
