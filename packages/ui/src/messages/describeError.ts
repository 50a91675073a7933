import { StreamApiError, StreamNetworkError } from "@streamkit/core";

/**
 * Person-worded reasons by HTTP status, for answers whose own message would not help. The status
 * and Cloudflare's codes stay on the error object for developers; people get words.
 */
const BY_STATUS: Record<number, string> = {
  401: "Please sign in again.",
  404: "It was not found. It may have been deleted.",
  429: "Too many requests. Try again in a moment.",
};
const byStatus = (status: number) =>
  status >= 500
    ? "The video service is not answering. Try again in a moment."
    : (BY_STATUS[status] ?? "The request was refused.");

const sentence = (text: string) => text.trim().replace(/([^.!?…])$/, "$1.");

/**
 * What went wrong, in words for the person using the app: no HTTP statuses, no Cloudflare codes.
 * The UI's default texts use it; `error.message`, `status`, `errors` and `codes` keep every
 * detail for developers and logs.
 */
export function describeError(error: unknown): string {
  if (error instanceof StreamApiError) {
    // Our own wordings (expired upload links, …) are the message and say more than a status.
    if (error.worded) return error.message;
    // A 404's message names a uid, a 5xx's is the server's trouble: neither helps a person.
    if (error.status === 404 || error.status >= 500 || error.errors.length === 0) {
      return byStatus(error.status);
    }
    return error.errors.map((e) => sentence(e.message)).join(" ");
  }
  if (error instanceof StreamNetworkError) {
    // No answer, a broken one, or none in time: the same to a person.
    return error.kind === "body"
      ? byStatus(error.status ?? 500)
      : "The server did not answer. Try again.";
  }
  // A processing failure carries its reason, worded already; bad input names its field.
  const reason = (error as { reason?: { text?: unknown } } | null)?.reason?.text;
  if (typeof reason === "string") return reason;
  return error instanceof Error ? sentence(error.message) : byStatus(0);
}
