import { ProxyError, ProxyErrorCode } from "./errors";

/**
 * Request bodies, read with a hard cap. `content-length` is checked first so an honest oversized
 * request is refused without reading it; the byte count while reading catches the dishonest ones.
 */

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

export function tooLarge(limit: number, what: string, setting: string): ProxyError {
  return new ProxyError(
    413,
    ProxyErrorCode.tooLarge,
    `Request body too large: ${what} may be at most ${formatBytes(limit)} (limits.${setting})`,
  );
}

function declaredLength(request: Request): number | undefined {
  const header = request.headers.get("content-length");
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header);
}

/** True when the request says or shows that it carries bytes. */
export function hasBody(request: Request): boolean {
  const length = declaredLength(request);
  if (length !== undefined) return length > 0;
  return request.body !== null;
}

export async function readBytes(
  request: Request,
  limit: number,
  what: string,
  setting: string,
): Promise<Uint8Array> {
  const declared = declaredLength(request);
  if (declared !== undefined && declared > limit) throw tooLarge(limit, what, setting);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit, what, setting);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function readText(
  request: Request,
  limit: number,
  what: string,
  setting: string,
): Promise<string> {
  const bytes = await readBytes(request, limit, what, setting);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ProxyError(
      400,
      ProxyErrorCode.badRequest,
      `Invalid body: ${what} is not valid UTF-8`,
    );
  }
}

function isJsonType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/**
 * The JSON body of an operation, or `undefined` when there is none. A body that is not declared
 * as JSON is refused (415) rather than guessed at: that also stops cross-site form posts.
 */
export async function readJson(
  request: Request,
  limit: number,
  operation: string,
): Promise<unknown> {
  if (!hasBody(request)) return undefined;
  if (!isJsonType(request.headers.get("content-type"))) {
    throw new ProxyError(
      415,
      ProxyErrorCode.unsupportedMediaType,
      `Unsupported media type: ${operation} takes a JSON body; send content-type: application/json`,
    );
  }
  const text = await readText(request, limit, "a JSON body", "jsonBytes");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ProxyError(
      400,
      ProxyErrorCode.badRequest,
      `Malformed JSON body for ${operation}: ${detail}`,
    );
  }
}

/**
 * A pass-through stream that errors once more than `limit` bytes went through, for bodies
 * streamed upstream (caption files) rather than buffered. `exceeded()` tells the caller why
 * the upstream fetch failed.
 */
export function limitStream(
  body: ReadableStream<Uint8Array>,
  limit: number,
): { stream: ReadableStream<Uint8Array>; exceeded: () => boolean } {
  let size = 0;
  let over = false;
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) {
          over = true;
          controller.error(new RangeError(`body exceeds ${limit} bytes`));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return { stream, exceeded: () => over };
}
