import type { UploadItem } from "@streamkit/hooks/upload";
import { describeError } from "../messages/describeError";
import type { DropzoneMessages } from "./messages";

export interface DropzoneLimits {
  maxSizeBytes: number | undefined;
  maxDurationSeconds: number | undefined;
}

/** The dropzone's texts, and the duration format it shares with the table (`table.formatDuration`). */
export interface DropzoneTexts {
  text: DropzoneMessages;
  formatDuration: (seconds: number) => string;
}

/** `1:30`, `1:00:00`: a duration limit as people read it. */
export function formatLimit(seconds: number, texts: DropzoneTexts): string {
  return texts.formatDuration(seconds);
}

/** Why a file was refused (before any request), or undefined when it was not. */
export function refusal(
  item: UploadItem,
  texts: DropzoneTexts,
  limits: DropzoneLimits,
): string | undefined {
  const error = item.error;
  if (item.state !== "error" || error?.name !== "StreamValidationError") return undefined;
  const { text } = texts;
  const field = (error as Error & { field?: string }).field;
  if (field === "type") return text.refusedType;
  if (field === "duration" && limits.maxDurationSeconds !== undefined)
    return text.refusedDuration(formatLimit(limits.maxDurationSeconds, texts));
  if (field === "size") {
    if (item.bytesTotal === 0) return text.refusedEmpty;
    if (limits.maxSizeBytes !== undefined)
      return text.refusedSize(text.formatSize(limits.maxSizeBytes));
  }
  return error.message;
}

/** What went wrong with an upload or its processing, for its row. */
export function failure(item: UploadItem, texts: DropzoneTexts): string | undefined {
  if (item.state !== "error" || !item.error) return undefined;
  return texts.text.failed(item.errorReason?.text ?? describeError(item.error));
}
