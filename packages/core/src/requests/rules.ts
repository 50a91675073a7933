import { StreamValidationError } from "../errors";
import {
  assertDateTime,
  assertHttpUrl,
  assertNumberInRange,
  assertStringMax,
  assertUid,
} from "../validate";
import { MAX_CREATOR_LENGTH, MAX_DURATION_SECONDS, PUBLIC_DETAILS_FIELDS } from "./limits";

/**
 * Checks one field and returns its query-string form (body fields ignore it). Every rule is one
 * small closure so the tables of fields stay the only place where an operation's shape is written.
 */
export type Rule = (value: unknown, field: string) => string;

export const fail = (field: string, message: string): never => {
  throw new StreamValidationError(field, message);
};

export const text =
  (max: number): Rule =>
  (v, f) =>
    assertStringMax(v, f, max);
export const number =
  (min: number, max: number, integer = false): Rule =>
  (v, f) =>
    String(assertNumberInRange(v, f, min, max, { integer }));
export const date: Rule = (v, f) => assertDateTime(v, f);
export const url: Rule = (v, f) => assertHttpUrl(v, f);
export const uid: Rule = (v, f) => assertUid(v, f);
export const flag: Rule = (v, f) =>
  typeof v === "boolean" ? String(v) : fail(f, "expected true or false");
export const oneOf =
  (values: readonly string[]): Rule =>
  (v, f) =>
    values.includes(v as string) ? (v as string) : fail(f, `expected one of ${values.join(", ")}`);
/** A list as an array or a comma-separated string, each item checked, sent comma-separated. */
export const list =
  (item: Rule, max: number): Rule =>
  (v, f) => {
    const items =
      typeof v === "string" ? v.split(",") : Array.isArray(v) ? v : fail(f, "expected a list");
    if (items.length === 0 || items.length > max) fail(f, `expected 1..${max} items`);
    return items.map((i: unknown) => item(i, f)).join(",");
  };
/** `null` clears the field where the API allows it. */
export const nullable =
  (rule: Rule): Rule =>
  (v, f) =>
    v === null ? "" : rule(v, f);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
export const object: Rule = (v, f) => (isObject(v) ? "" : fail(f, "expected an object"));

export const origins: Rule = (v, f) =>
  Array.isArray(v) && v.every((o) => typeof o === "string" && o !== "")
    ? ""
    : fail(f, "expected an array of host names");

/** `{ uid }` of a watermark profile, nothing else. */
const watermark: Rule = (v, f) =>
  isObject(v)
    ? Object.keys(v).some((k) => k !== "uid")
      ? fail(f, "expected { uid } only")
      : assertUid(v.uid, `${f}.uid`)
    : fail(f, "expected { uid }");

/** Each known key a string, or `null` to clear it; `undefined` is skipped, as JSON drops it. */
const publicDetails: Rule = (v, f) => {
  object(v, f);
  for (const [key, detail] of Object.entries(v as object)) {
    const at = `${f}.${key}`;
    if (detail === undefined) continue;
    if (!(PUBLIC_DETAILS_FIELDS as readonly string[]).includes(key))
      fail(at, "not a public detail");
    if (detail !== null && typeof detail !== "string") fail(at, "expected a string or null");
  }
  return "";
};

/**
 * Every body field of copy, direct upload and update, with its check: one table, so a field means
 * one thing everywhere. Which operation takes which field is in `./fields` (off the main entry).
 */
export const FIELDS: Readonly<Record<string, Rule>> = {
  allowedOrigins: origins,
  creator: nullable(text(MAX_CREATOR_LENGTH)),
  meta: object,
  requireSignedURLs: flag,
  scheduledDeletion: nullable(date),
  thumbnailTimestampPct: number(0, 1),
  watermark,
  input: url,
  url,
  name: text(1024),
  maxDurationSeconds: nullable(number(1, MAX_DURATION_SECONDS, true)),
  expiry: date,
  publicDetails,
  uploadExpiry: date,
  uid,
};

/** The body is an object and each field of `FIELDS` it holds is valid; other keys are not judged. */
export function checkValues(body: unknown): asserts body is Record<string, unknown> {
  object(body, "body");
  for (const [field, rule] of Object.entries(FIELDS)) {
    const value = (body as Record<string, unknown>)[field];
    if (value !== undefined) rule(value, field);
  }
}
