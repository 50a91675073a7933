import type { UploadItem } from "@streamkit/hooks/upload";
import type { StreamMessages } from "../messages";

export interface DropzoneLimits {
  maxSizeBytes: number | undefined;
  maxDurationSeconds: number | undefined;
}

/** `1:30`, `1:00:00`: a duration limit as people read it. */
export function formatLimit(seconds: number, messages: StreamMessages): string {
  return messages.table.formatDuration(seconds);
}

/** Why a file was refused (before any request), or undefined when it was not. */
export function refusal(
  item: UploadItem,
  messages: StreamMessages,
  limits: DropzoneLimits,
): string | undefined {
  const error = item.error;
  if (item.state !== "error" || error?.name !== "StreamValidationError") return undefined;
  const text = messages.dropzone;
  const field = (error as Error & { field?: string }).field;
  if (field === "type") return text.refusedType;
  if (field === "duration" && limits.maxDurationSeconds !== undefined)
    return text.refusedDuration(formatLimit(limits.maxDurationSeconds, messages));
  if (field === "size") {
    if (item.bytesTotal === 0) return text.refusedEmpty;
    if (limits.maxSizeBytes !== undefined)
      return text.refusedSize(text.formatSize(limits.maxSizeBytes));
  }
  return error.message;
}

/** What went wrong with an upload or its processing, for its row. */
export function failure(item: UploadItem, messages: StreamMessages): string | undefined {
  if (item.state !== "error" || !item.error) return undefined;
  return messages.dropzone.failed(item.errorReason?.text ?? item.error.message);
}
