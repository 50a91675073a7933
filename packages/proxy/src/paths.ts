import { ProxyError, ProxyErrorCode } from "./errors";

/**
 * Path hygiene. Runtimes normalise `../` and `%2e%2e` before a handler sees `request.url`, but
 * the Node adapter sees the raw path, and encoded slashes or backslashes survive normalisation.
 * Every route of the proxy is made of `[A-Za-z0-9_-]` segments, so anything else is refused
 * before routing: nothing odd ever reaches the upstream URL.
 */

const TRAVERSAL: ReadonlyArray<[RegExp, string]> = [
  [/\\|%5c/i, "backslashes are not allowed in the path"],
  [/%2f/i, "encoded slashes (%2F) are not allowed in the path"],
  [/%25/, "double-encoded characters (%25…) are not allowed in the path"],
  [/%2e/i, "encoded dots (%2E) are not allowed in the path"],
  [/(^|\/)\.\.?(\/|$)/, "dot segments (./ and ../) are not allowed in the path"],
  [/%(0[0-9a-f]|1[0-9a-f]|7f)/i, "control characters are not allowed in the path"],
];

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Why this raw path (no query) looks like a traversal attempt; `undefined` when it is clean. */
export function pathProblem(rawPath: string): string | undefined {
  for (const [pattern, reason] of TRAVERSAL) if (pattern.test(rawPath)) return reason;
  return hasControlCharacter(rawPath)
    ? "control characters are not allowed in the path"
    : undefined;
}

const SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;

/** `"/api/stream/"` → `"/api/stream"`; `"/"` → `""`. Throws on a base path the proxy could never match. */
export function normaliseBasePath(basePath: string): string {
  if (typeof basePath !== "string" || !basePath.startsWith("/")) {
    throw new TypeError(
      `createStreamProxy: basePath must be a path starting with "/", got ${JSON.stringify(basePath)}`,
    );
  }
  const trimmed = basePath.replace(/\/+$/, "");
  if (pathProblem(trimmed) !== undefined || /[?#]/.test(trimmed)) {
    throw new TypeError(
      `createStreamProxy: basePath ${JSON.stringify(basePath)} is not a plain path`,
    );
  }
  return trimmed;
}

/** The part of `pathname` after `basePath`, or `undefined` when the path is not under it. */
export function pathUnderBase(pathname: string, basePath: string): string | undefined {
  if (pathname === basePath) return "";
  if (pathname.startsWith(`${basePath}/`)) return pathname.slice(basePath.length);
  return undefined;
}

/** Splits the remainder into checked segments; one trailing slash is tolerated. */
export function pathSegments(rest: string): string[] {
  const problem = pathProblem(rest);
  if (problem !== undefined) throw badPath(problem);
  const trimmed = rest.endsWith("/") ? rest.slice(0, -1) : rest;
  if (trimmed === "") return [];
  const segments = trimmed.slice(1).split("/");
  for (const segment of segments) {
    if (segment === "") throw badPath("empty path segments (//) are not allowed");
    if (!SEGMENT.test(segment)) {
      throw badPath(
        `path segment ${JSON.stringify(segment.slice(0, 40))} has characters this proxy does not accept`,
      );
    }
  }
  return segments;
}

function badPath(reason: string): ProxyError {
  return new ProxyError(400, ProxyErrorCode.badRequest, `Invalid path: ${reason}`);
}
