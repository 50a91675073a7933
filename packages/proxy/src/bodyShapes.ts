import {
  type CopyVideoRequest,
  checkCopyRequest,
  checkDirectUploadRequest,
  checkUpdateRequest,
  type DirectUploadRequest,
  StreamValidationError,
  type UpdateVideoRequest,
} from "@streamkit/core";
import {
  AUDIO_COPY_FIELDS,
  AUDIO_EDIT_FIELDS,
  CLIP_FIELDS,
  COPY_FIELDS,
  checkAudioCopyRequest,
  checkAudioEditRequest,
  checkClipRequest,
  checkWatermarkRequest,
  DIRECT_UPLOAD_FIELDS,
  onlyFields,
  UPDATE_FIELDS,
  WATERMARK_FIELDS,
} from "@streamkit/core/requests";

/**
 * JSON shape checks per operation, all core's (`@streamkit/core/requests`): its field lists as an
 * allowlist, so the proxy forwards only fields it knows the API takes, then its value checks. An
 * unknown field is an error, not a silent drop, so a typo surfaces at once.
 */

type Body = Record<string, unknown>;

export function objectBody(body: unknown, operation: string): Body {
  if (body === undefined)
    throw new StreamValidationError("body", `${operation} needs a JSON object body`);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new StreamValidationError("body", "expected a JSON object");
  }
  return body as Body;
}

export function checkCopyBody(value: unknown): Body {
  const body = objectBody(value, "videos.copy");
  onlyFields(body, COPY_FIELDS, "videos.copy");
  checkCopyRequest(body as unknown as CopyVideoRequest);
  return body;
}

export function checkDirectUploadBody(value: unknown): Body {
  const body = objectBody(value, "uploads.direct");
  onlyFields(body, DIRECT_UPLOAD_FIELDS, "uploads.direct");
  checkDirectUploadRequest(body as unknown as DirectUploadRequest);
  return body;
}

export function checkUpdateBody(value: unknown, uid: string): Body {
  const body = objectBody(value, "videos.update");
  onlyFields(body, UPDATE_FIELDS, "videos.update");
  checkUpdateRequest(body as UpdateVideoRequest);
  if (body.uid !== undefined && body.uid !== uid) {
    throw new StreamValidationError("uid", "does not match the uid in the path");
  }
  return body;
}

export function checkClipBody(value: unknown): Body {
  const body = objectBody(value, "clips.create");
  onlyFields(body, CLIP_FIELDS, "clips.create");
  checkClipRequest(body);
  return body;
}

export function checkWatermarkBody(value: unknown): Body {
  const body = objectBody(value, "watermarks.create");
  onlyFields(body, WATERMARK_FIELDS, "watermarks.create");
  checkWatermarkRequest(body, { needsUrl: true });
  return body;
}

export function checkAudioCopyBody(value: unknown): Body {
  const body = objectBody(value, "audio.copy");
  onlyFields(body, AUDIO_COPY_FIELDS, "audio.copy");
  checkAudioCopyRequest(body);
  return body;
}

export function checkAudioEditBody(value: unknown): Body {
  const body = objectBody(value, "audio.update");
  onlyFields(body, AUDIO_EDIT_FIELDS, "audio.update");
  checkAudioEditRequest(body);
  return body;
}
