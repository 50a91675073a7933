import { StreamValidationError } from "./errors";
import type {
  CopyVideoRequest,
  DirectUploadRequest,
  ListVideosParams,
  UpdateVideoRequest,
  VideoState,
} from "./types";
import {
  assertDateTime,
  assertHttpUrl,
  assertNumberInRange,
  assertStringMax,
  assertUid,
} from "./validate";

export const VIDEO_STATES: readonly VideoState[] = [
  "pendingupload",
  "downloading",
  "queued",
  "inprogress",
  "ready",
  "error",
  "live-inprogress",
];

/** The API's ceiling for `limit` and for one `id` list. */
export const MAX_LIST_LIMIT = 1000;
/** `maxDurationSeconds` bounds of the current API. */
export const MAX_DURATION_SECONDS = 36_000;

interface CommonVideoFields {
  allowedOrigins?: unknown;
  creator?: unknown;
  meta?: unknown;
  requireSignedURLs?: unknown;
  scheduledDeletion?: unknown;
  thumbnailTimestampPct?: unknown;
  maxDurationSeconds?: unknown;
}

function checkCommon(body: CommonVideoFields): void {
  if (body.allowedOrigins !== undefined) {
    if (
      !Array.isArray(body.allowedOrigins) ||
      body.allowedOrigins.some((o) => typeof o !== "string" || o === "")
    ) {
      throw new StreamValidationError("allowedOrigins", "expected an array of host names");
    }
  }
  if (body.creator !== undefined && body.creator !== null)
    assertStringMax(body.creator, "creator", 64);
  if (
    body.meta !== undefined &&
    (typeof body.meta !== "object" || body.meta === null || Array.isArray(body.meta))
  ) {
    throw new StreamValidationError("meta", "expected an object of key/values");
  }
  if (body.requireSignedURLs !== undefined && typeof body.requireSignedURLs !== "boolean") {
    throw new StreamValidationError("requireSignedURLs", "expected true or false");
  }
  if (body.scheduledDeletion !== undefined && body.scheduledDeletion !== null) {
    assertDateTime(body.scheduledDeletion, "scheduledDeletion");
  }
  if (body.thumbnailTimestampPct !== undefined) {
    assertNumberInRange(body.thumbnailTimestampPct, "thumbnailTimestampPct", 0, 1);
  }
  if (body.maxDurationSeconds !== undefined && body.maxDurationSeconds !== null) {
    assertNumberInRange(body.maxDurationSeconds, "maxDurationSeconds", 1, MAX_DURATION_SECONDS, {
      integer: true,
    });
  }
}

export function checkBody(body: unknown, what: string): asserts body is Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new StreamValidationError(what, "expected an object");
  }
}

export function checkCopyRequest(body: CopyVideoRequest): void {
  checkBody(body, "body");
  const source = body.input ?? body.url;
  if (source === undefined) throw new StreamValidationError("input", "a video URL is required");
  assertHttpUrl(source, body.input === undefined ? "url" : "input");
  if (body.name !== undefined) assertStringMax(body.name, "name", 1024);
  checkCommon(body);
}

export function checkDirectUploadRequest(body: DirectUploadRequest): void {
  checkBody(body, "body");
  if (body.maxDurationSeconds === undefined) {
    throw new StreamValidationError("maxDurationSeconds", "required for direct uploads (1..36000)");
  }
  checkCommon(body);
  if (body.expiry !== undefined) assertDateTime(body.expiry, "expiry");
}

export function checkUpdateRequest(body: UpdateVideoRequest): void {
  checkBody(body, "body");
  checkCommon(body);
  if (body.uid !== undefined) assertUid(body.uid, "uid");
  if (body.uploadExpiry !== undefined) assertDateTime(body.uploadExpiry, "uploadExpiry");
}

/** Validates list filters and turns them into the query string the API expects. */
export function listQuery(params: ListVideosParams): URLSearchParams {
  if (typeof params !== "object" || params === null)
    throw new StreamValidationError("params", "expected an object");
  const query = new URLSearchParams();
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) query.set(key, value);
  };
  if (params.status !== undefined && !VIDEO_STATES.includes(params.status)) {
    throw new StreamValidationError("status", `expected one of ${VIDEO_STATES.join(", ")}`);
  }
  set("status", params.status);
  if (params.creator !== undefined) set("creator", assertStringMax(params.creator, "creator", 64));
  if (params.type !== undefined && params.type !== "vod" && params.type !== "live") {
    throw new StreamValidationError("type", 'expected "vod" or "live"');
  }
  set("type", params.type);
  if (params.asc !== undefined) set("asc", String(Boolean(params.asc)));
  if (params.search !== undefined) set("search", assertStringMax(params.search, "search", 1024));
  if (params.video_name !== undefined)
    set("video_name", assertStringMax(params.video_name, "video_name", 1024));
  for (const key of ["after", "before", "start", "end"] as const) {
    const value = params[key];
    if (value !== undefined) set(key, assertDateTime(value, key));
  }
  if (params.include_counts !== undefined)
    set("include_counts", String(Boolean(params.include_counts)));
  if (params.limit !== undefined) {
    set(
      "limit",
      String(assertNumberInRange(params.limit, "limit", 1, MAX_LIST_LIMIT, { integer: true })),
    );
  }
  if (params.id !== undefined) {
    const ids = typeof params.id === "string" ? params.id.split(",") : [...params.id];
    if (ids.length === 0 || ids.length > MAX_LIST_LIMIT) {
      throw new StreamValidationError("id", `expected 1..${MAX_LIST_LIMIT} uids`);
    }
    set("id", ids.map((id) => assertUid(id, "id")).join(","));
  }
  if (params.name !== undefined) {
    const names = typeof params.name === "string" ? [params.name] : [...params.name];
    set("name", names.map((n) => assertStringMax(n, "name", 1024)).join(","));
  }
  if (params.live_input_id !== undefined)
    set("live_input_id", assertUid(params.live_input_id, "live_input_id"));
  return query;
}
