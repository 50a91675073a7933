import type { StreamState } from "../state";

/** Waits out the model's `writeLatency` (an upload or change in flight). */
export const waitWrite = (model: StreamState) =>
  model.writeLatency
    ? new Promise((resolve) => setTimeout(resolve, model.writeLatency))
    : undefined;

/**
 * The multipart form of a request, or `undefined` where it cannot be read: a browser (msw's
 * worker) reads it, a test DOM's FormData reaches Node as bytes it cannot parse.
 */
export async function readForm(request: Request): Promise<FormData | undefined> {
  try {
    return await request.formData();
  } catch {
    return undefined;
  }
}
