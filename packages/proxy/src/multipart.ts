import { StreamValidationError } from "@streamkit/core";
import { limitStream, tooLarge } from "./body";
import { forward, type OperationContext, respond } from "./context";
import { ProxyError, ProxyErrorCode } from "./errors";

/**
 * Multipart uploads (caption-like: watermark images, audio tracks) streamed upstream, never
 * buffered whole, yet checked on the way: the bytes pass through unchanged while a small parser
 * reads the part headers and the text fields. A part the operation does not take, a field that
 * fails its check, a missing file or a body over the cap errors the stream, and the closing
 * boundary is held back until every check passed, so the API never receives a complete body the
 * proxy refused.
 */

/**
 * Room for the multipart framing around the file (boundaries, part headers, the text fields: a
 * few hundred bytes in practice). Each `limits.*Bytes` caps the file; without this a file of
 * exactly the cap would be refused here although the API takes it.
 */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const MAX_HEADER_BYTES = 8 * 1024;
const MAX_FIELD_BYTES = 8 * 1024;
const CRLF_CRLF = new Uint8Array([13, 10, 13, 10]);

export interface MultipartRules {
  operation: string;
  /** Parts that carry the file: streamed through, never read. */
  files: readonly string[];
  /** Text parts, collected (at most 8 KB each) and checked. */
  fields: readonly string[];
  /** Parts that must be there (checked before the closing boundary goes out). */
  required: readonly string[];
  /** Checks the text fields once the last part ended; throws `StreamValidationError`. */
  check: (fields: Record<string, string>) => void;
}

/** The boundary of a `multipart/form-data` content type, or `undefined` when it is not one. */
export function multipartBoundary(contentType: string | null): string | undefined {
  if (contentType === null || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))\s*(?:;|$)/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (haystack[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function malformed(reason: string): ProxyError {
  return new ProxyError(400, ProxyErrorCode.badRequest, `Invalid multipart body: ${reason}`);
}

interface Part {
  name: string;
  file: boolean;
  chunks: Uint8Array[];
  size: number;
}

/** A pass-through of `body` that errors as soon as the multipart body breaks one of `rules`. */
export function inspectMultipart(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  rules: MultipartRules,
): { stream: ReadableStream<Uint8Array>; refusal: () => Error | undefined } {
  const delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
  // The last delimiter and its `--\r\n`: never sent before the checks at the end passed.
  const hold = delimiter.length + 4;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let state: "preamble" | "after" | "headers" | "body" | "done" = "preamble";
  // A CRLF in front lets the first boundary read like every other delimiter.
  let pending: Uint8Array = new Uint8Array([13, 10]);
  let held: Uint8Array = new Uint8Array(0);
  let part: Part | undefined;
  const seen = new Set<string>();
  const values: Record<string, string> = {};
  let refusal: Error | undefined;
  const accepted = [...rules.files, ...rules.fields].join(", ");

  const startPart = (headers: string) => {
    const disposition = /^content-disposition:\s*form-data\s*(;.*)?$/im.exec(headers);
    if (!disposition) throw malformed("a part without Content-Disposition: form-data");
    const params = disposition[1] ?? "";
    const named = /;\s*name=(?:"([^"]*)"|([^\s;"]+))/i.exec(params);
    const name = named?.[1] ?? named?.[2];
    if (name === undefined || name === "") throw malformed("a part without a name");
    const file = rules.files.includes(name);
    if (!file && !rules.fields.includes(name)) {
      throw new StreamValidationError(
        name,
        `not a field of ${rules.operation} (accepted: ${accepted})`,
      );
    }
    if (seen.has(name)) throw new StreamValidationError(name, "given more than once");
    if (!file && /;\s*filename\*?=/i.test(params))
      throw new StreamValidationError(name, "expected a text field, not a file");
    seen.add(name);
    part = { name, file, chunks: [], size: 0 };
  };

  const partBytes = (bytes: Uint8Array) => {
    if (!part || part.file || bytes.length === 0) return;
    part.size += bytes.length;
    if (part.size > MAX_FIELD_BYTES)
      throw new StreamValidationError(part.name, `longer than ${MAX_FIELD_BYTES} bytes`);
    part.chunks.push(bytes.slice());
  };

  const endPart = () => {
    if (part && !part.file) {
      let joined: Uint8Array = new Uint8Array(0);
      for (const chunk of part.chunks) joined = concat(joined, chunk);
      try {
        values[part.name] = decoder.decode(joined);
      } catch {
        throw new StreamValidationError(part.name, "not valid UTF-8");
      }
    }
    part = undefined;
  };

  const parse = () => {
    for (;;) {
      if (state === "preamble" || state === "body") {
        const at = indexOf(pending, delimiter);
        if (at < 0) {
          // A delimiter may straddle two chunks: keep its length less one byte.
          const keep = Math.min(pending.length, delimiter.length - 1);
          if (state === "body") partBytes(pending.subarray(0, pending.length - keep));
          pending = pending.slice(pending.length - keep);
          return;
        }
        if (state === "body") {
          partBytes(pending.subarray(0, at));
          endPart();
        }
        pending = pending.slice(at + delimiter.length);
        state = "after";
      } else if (state === "after") {
        if (pending.length < 2) return;
        if (pending[0] === 45 && pending[1] === 45) {
          state = "done";
          pending = new Uint8Array(0);
          return;
        }
        if (pending[0] !== 13 || pending[1] !== 10) throw malformed("no CRLF after a boundary");
        pending = pending.slice(2);
        state = "headers";
      } else if (state === "headers") {
        const at = indexOf(pending, CRLF_CRLF);
        if (at < 0) {
          if (pending.length > MAX_HEADER_BYTES) throw malformed("part headers over 8 KB");
          return;
        }
        startPart(new TextDecoder().decode(pending.subarray(0, at)));
        pending = pending.slice(at + 4);
        state = "body";
      } else {
        pending = new Uint8Array(0); // the epilogue, ignored
        return;
      }
    }
  };

  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        try {
          pending = concat(pending, chunk);
          parse();
        } catch (error) {
          refusal = error instanceof Error ? error : new Error(String(error));
          controller.error(refusal);
          return;
        }
        if (chunk.length >= hold) {
          if (held.length > 0) controller.enqueue(held);
          controller.enqueue(chunk.subarray(0, chunk.length - hold));
          held = chunk.slice(chunk.length - hold);
        } else {
          const out = concat(held, chunk);
          if (out.length > hold) controller.enqueue(out.slice(0, out.length - hold));
          held = out.slice(Math.max(0, out.length - hold));
        }
      },
      flush(controller) {
        try {
          if (state !== "done") throw malformed("it ended before its closing boundary");
          for (const name of rules.required) {
            if (!seen.has(name)) {
              throw new StreamValidationError(
                name,
                `${rules.operation} needs the multipart field ${name}`,
              );
            }
          }
          rules.check(values);
        } catch (error) {
          refusal = error instanceof Error ? error : new Error(String(error));
          controller.error(refusal);
          return;
        }
        if (held.length > 0) controller.enqueue(held);
      },
    }),
  );
  return { stream, refusal: () => refusal };
}

export interface MultipartUpload {
  method: "POST" | "PUT";
  path: string;
  /** The file's cap; the body may be `MULTIPART_OVERHEAD_BYTES` larger. */
  limit: number;
  /** `"a watermark image"`, for the 413's message. */
  what: string;
  /** `"watermarkBytes"`: the `limits.*` setting named in the 413. */
  setting: string;
  /** Checked on the way; omit for an upload passed through unread (captions). */
  rules?: MultipartRules;
  /** Runs once the request itself looks right, before any byte goes upstream (ownership). */
  before?: () => Promise<unknown>;
}

/**
 * A multipart request streamed upstream with a size cap: an honest `content-length` over it is
 * refused before reading, a dishonest one is cut off at the cap (413), and with `rules` the parts
 * are checked on the way (400 naming the field).
 */
export async function forwardMultipart(
  ctx: OperationContext,
  upload: MultipartUpload,
): Promise<Response> {
  const { request, runtime } = ctx;
  const boundary = multipartBoundary(request.headers.get("content-type"));
  if (boundary === undefined) {
    throw new ProxyError(
      415,
      ProxyErrorCode.unsupportedMediaType,
      `Unsupported media type: ${upload.what} is uploaded as multipart/form-data (with a boundary) in the field \`file\``,
    );
  }
  const bodyLimit = upload.limit + MULTIPART_OVERHEAD_BYTES;
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > bodyLimit) {
    throw tooLarge(upload.limit, upload.what, upload.setting);
  }
  if (request.body === null) {
    throw new ProxyError(
      400,
      ProxyErrorCode.badRequest,
      `An upload needs a body: ${upload.what} in the multipart field \`file\``,
    );
  }
  await upload.before?.();
  const limited = limitStream(request.body, bodyLimit);
  const inspected = upload.rules
    ? inspectMultipart(limited.stream, boundary, upload.rules)
    : { stream: limited.stream, refusal: () => undefined };
  const answer = await forward(ctx, {
    method: upload.method,
    path: upload.path,
    // An announced length (already checked against the cap) goes along: the API then knows the
    // size up front, and a body that ends short of it can never read as complete.
    pick:
      declared !== null && /^\d+$/.test(declared)
        ? ["content-type", "content-length"]
        : ["content-type"],
    body: inspected.stream,
    bodyTooLarge: () =>
      limited.exceeded()
        ? tooLarge(upload.limit, upload.what, upload.setting)
        : inspected.refusal(),
  });
  return respond(runtime, answer);
}
