import { StreamApiError, StreamError, StreamNetworkError, StreamValidationError } from "./errors";

/**
 * Person-worded reasons by HTTP status, for answers that carry no message of their own. The
 * status and Cloudflare's codes stay on the error object for developers; people get words.
 */
function byStatus(status: number): string {
  if (status === 401) return "You are signed out, or your session expired. Sign in and try again.";
  if (status === 403) return "You are not allowed to do this.";
  if (status === 404) return "It was not found. It may have been deleted.";
  if (status === 409) return "Something else changed it at the same time. Try again.";
  if (status === 413) return "The file is too large.";
  if (status === 429) return "Too many requests at once. Try again in a moment.";
  if (status >= 500) return "The video service is not answering right now. Try again in a moment.";
  return "The request was refused.";
}

const sentence = (text: string) => {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** The API's own messages are written for people; the codes after them are not. */
function apiText(error: StreamApiError): string {
  // Our own wordings (expired upload links, …) are set as the message and say more than a status.
  if (!error.message.startsWith("Stream API error")) return error.message;
  // A 404's message names a uid, a 5xx's is the server's trouble: neither helps a person.
  if (error.status === 404 || error.status >= 500 || error.errors.length === 0) {
    return byStatus(error.status);
  }
  return error.errors.map((e) => sentence(e.message)).join(" ");
}

/**
 * What went wrong, in words for the person using the app: no HTTP statuses, no Cloudflare codes,
 * no stack of technical prefixes. The UI's default texts use it; `error.message`, `status`,
 * `errors` and `codes` keep every detail for developers and logs.
 */
export function describeError(error: unknown): string {
  if (error instanceof StreamApiError) return apiText(error);
  if (error instanceof StreamNetworkError) {
    if (error.kind === "timeout") return "The server took too long to answer. Try again.";
    if (error.kind === "body") return byStatus(error.status ?? 500);
    return "The connection to the server was lost. Check it and try again.";
  }
  const reason = (error as { reason?: { text?: unknown } } | null)?.reason?.text;
  if (error instanceof StreamError && typeof reason === "string") return reason; // processing
  // Bad input caught before a request: the field it names is the useful part, kept as is.
  if (error instanceof StreamValidationError) return sentence(error.message);
  if (error instanceof StreamError || error instanceof Error) return sentence(error.message);
  return "Something unexpected happened.";
}
