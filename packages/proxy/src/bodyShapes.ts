import {
  assertUid,
  type CopyVideoRequest,
  checkCopyRequest,
  checkDirectUploadRequest,
  checkUpdateRequest,
  type DirectUploadRequest,
  StreamValidationError,
  type UpdateVideoRequest,
} from "@streamkit/core";

/**
 * JSON shape checks per operation: core's checks for values, plus a field allowlist so the
 * proxy forwards only fields it knows the API takes. An unknown field is an error, not a silent
 * drop, so a typo surfaces at once.
 */

const UPLOAD_FIELDS = [
  "allowedOrigins",
  "creator",
  "meta",
  "requireSignedURLs",
  "scheduledDeletion",
  "thumbnailTimestampPct",
  "watermark",
];
const COPY_FIELDS = new Set([...UPLOAD_FIELDS, "input", "url", "name"]);
const DIRECT_FIELDS = new Set([...UPLOAD_FIELDS, "maxDurationSeconds", "expiry"]);
const UPDATE_FIELDS = new Set([
  "allowedOrigins",
  "creator",
  "maxDurationSeconds",
  "meta",
  "publicDetails",
  "requireSignedURLs",
  "scheduledDeletion",
  "thumbnailTimestampPct",
  "uploadExpiry",
  "uid",
]);
const PUBLIC_DETAILS = new Set(["title", "share_link", "channel_link", "logo"]);

type Body = Record<string, unknown>;

function objectBody(body: unknown, operation: string): Body {
  if (body === undefined)
    throw new StreamValidationError("body", `${operation} needs a JSON object body`);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new StreamValidationError("body", "expected a JSON object");
  }
  return body as Body;
}

function onlyFields(body: Body, fields: ReadonlySet<string>, operation: string): void {
  for (const key of Object.keys(body)) {
    if (!fields.has(key)) {
      throw new StreamValidationError(
        key,
        `not a field of ${operation} (accepted: ${[...fields].join(", ")})`,
      );
    }
  }
}

function checkWatermark(body: Body): void {
  if (body.watermark === undefined) return;
  const watermark = body.watermark;
  if (typeof watermark !== "object" || watermark === null || Array.isArray(watermark)) {
    throw new StreamValidationError("watermark", "expected { uid }");
  }
  const { uid, ...rest } = watermark as Body;
  if (Object.keys(rest).length > 0)
    throw new StreamValidationError("watermark", "expected { uid } only");
  assertUid(uid, "watermark.uid");
}

export function checkCopyBody(value: unknown): Body {
  const body = objectBody(value, "videos.copy");
  onlyFields(body, COPY_FIELDS, "videos.copy");
  checkCopyRequest(body as unknown as CopyVideoRequest);
  checkWatermark(body);
  return body;
}

export function checkDirectUploadBody(value: unknown): Body {
  const body = objectBody(value, "uploads.direct");
  onlyFields(body, DIRECT_FIELDS, "uploads.direct");
  checkDirectUploadRequest(body as unknown as DirectUploadRequest);
  checkWatermark(body);
  return body;
}

export function checkUpdateBody(value: unknown, uid: string): Body {
  const body = objectBody(value, "videos.update");
  onlyFields(body, UPDATE_FIELDS, "videos.update");
  checkUpdateRequest(body as UpdateVideoRequest);
  if (body.uid !== undefined && body.uid !== uid) {
    throw new StreamValidationError("uid", "does not match the uid in the path");
  }
  if (body.publicDetails !== undefined) {
    const details = body.publicDetails;
    if (typeof details !== "object" || details === null || Array.isArray(details)) {
      throw new StreamValidationError("publicDetails", "expected an object");
    }
    for (const [key, detail] of Object.entries(details)) {
      if (!PUBLIC_DETAILS.has(key))
        throw new StreamValidationError(`publicDetails.${key}`, "not a public detail");
      if (detail !== null && typeof detail !== "string") {
        throw new StreamValidationError(`publicDetails.${key}`, "expected a string or null");
      }
    }
  }
  return body;
}
