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

/** Checks one field and returns its query-string form. */
type Rule = (value: unknown, field: string) => string;

const fail = (field: string, message: string): never => {
  throw new StreamValidationError(field, message);
};
const text =
  (max: number): Rule =>
  (v, f) =>
    assertStringMax(v, f, max);
const number =
  (min: number, max: number, integer = false): Rule =>
  (v, f) =>
    String(assertNumberInRange(v, f, min, max, { integer }));
const date: Rule = (v, f) => assertDateTime(v, f);
const flag: Rule = (v, f) =>
  typeof v === "boolean" ? String(v) : fail(f, "expected true or false");
const oneOf =
  (values: readonly string[]): Rule =>
  (v, f) =>
    values.includes(v as string) ? (v as string) : fail(f, `expected one of ${values.join(", ")}`);
/** A list as an array or a comma-separated string, each item checked, sent comma-separated. */
const list =
  (item: Rule, max: number): Rule =>
  (v, f) => {
    const items =
      typeof v === "string" ? v.split(",") : Array.isArray(v) ? v : fail(f, "expected a list");
    if (items.length === 0 || items.length > max) fail(f, `expected 1..${max} items`);
    return items.map((i: unknown) => item(i, f)).join(",");
  };
const uid: Rule = (v, f) => assertUid(v, f);
const object: Rule = (v, f) =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? "" : fail(f, "expected an object");
const origins: Rule = (v, f) =>
  Array.isArray(v) && v.every((o) => typeof o === "string" && o !== "")
    ? ""
    : fail(f, "expected an array of host names");

/** Fields shared by copy, direct upload and update bodies; `null` clears where the API allows it. */
const VIDEO_FIELDS: Record<string, Rule> = {
  allowedOrigins: origins,
  creator: text(64),
  meta: object,
  requireSignedURLs: flag,
  scheduledDeletion: date,
  thumbnailTimestampPct: number(0, 1),
  maxDurationSeconds: number(1, MAX_DURATION_SECONDS, true),
};
const NULLABLE = new Set(["creator", "scheduledDeletion", "maxDurationSeconds"]);

const LIST_FIELDS: Record<keyof ListVideosParams, Rule> = {
  status: oneOf(VIDEO_STATES),
  creator: text(64),
  type: oneOf(["vod", "live"]),
  asc: flag,
  search: text(1024),
  video_name: text(1024),
  after: date,
  before: date,
  start: date,
  end: date,
  include_counts: flag,
  limit: number(1, MAX_LIST_LIMIT, true),
  id: list(uid, MAX_LIST_LIMIT),
  name: list(text(1024), MAX_LIST_LIMIT),
  live_input_id: uid,
};

export function checkBody(body: unknown, what: string): asserts body is Record<string, unknown> {
  object(body, what);
}

function checkFields(body: Record<string, unknown>, rules: Record<string, Rule>): void {
  for (const [field, rule] of Object.entries(rules)) {
    const value = body[field];
    if (value === undefined || (value === null && NULLABLE.has(field))) continue;
    rule(value, field);
  }
}

export function checkCopyRequest(body: CopyVideoRequest): void {
  checkBody(body, "body");
  const field = body.input === undefined ? "url" : "input";
  if (body[field] === undefined) fail("input", "a video URL is required");
  assertHttpUrl(body[field], field);
  checkFields(body, { ...VIDEO_FIELDS, name: text(1024) });
}

export function checkDirectUploadRequest(body: DirectUploadRequest): void {
  checkBody(body, "body");
  if (body.maxDurationSeconds === undefined)
    fail("maxDurationSeconds", "required for direct uploads (1..36000)");
  checkFields(body, { ...VIDEO_FIELDS, expiry: date });
}

export function checkUpdateRequest(body: UpdateVideoRequest): void {
  checkBody(body, "body");
  checkFields(body, { ...VIDEO_FIELDS, uid, uploadExpiry: date });
}

/** Validates list filters and turns them into the query string the API expects. */
export function listQuery(params: ListVideosParams): URLSearchParams {
  object(params, "params");
  const query = new URLSearchParams();
  for (const [field, rule] of Object.entries(LIST_FIELDS)) {
    const value = params[field as keyof ListVideosParams];
    if (value !== undefined) query.set(field, rule(value, field));
  }
  return query;
}
