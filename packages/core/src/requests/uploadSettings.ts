import type { DirectUploadRequest } from "../types";
import { onlyFields, UPLOAD_SETTINGS_FIELDS } from "./fields";
import { checkValues } from "./rules";

/** The settings a file upload forwards to the new video (direct upload body or tus metadata). */
export type UploadSettings = Pick<DirectUploadRequest, (typeof UPLOAD_SETTINGS_FIELDS)[number]>;

/**
 * Throws `StreamValidationError` naming the field unless `settings` holds only valid upload
 * settings. Pick `UPLOAD_SETTINGS_FIELDS` out of wider options before calling it.
 */
export function checkUploadSettings(settings: UploadSettings): void {
  checkValues(settings);
  onlyFields(settings, UPLOAD_SETTINGS_FIELDS, "upload settings");
}
