/** The answers an injected fault gives in place of the handler's. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { failure } from "../envelope";

/** Cloudflare's API-wide "Please wait and consider throttling your request speed" (obs). */
export const RATE_LIMITED_CODE = 971;
/** The emulator's internal-error code, which injected 5xx answers carry unless told otherwise. */
export const INTERNAL_ERROR_CODE = 10002;

/** tus clients reject answers without `Tus-Resumable`; an injected failure should look real. */
function withTusHeader(c: Context, response: Response): Response {
  if (c.req.path.startsWith("/tus/")) response.headers.set("Tus-Resumable", "1.0.0");
  return response;
}

/** Cloudflare's failure envelope, as the route would have sent it. */
export function injectedFailure(
  c: Context,
  status: number,
  code: number,
  message: string,
): Response {
  return withTusHeader(c, failure(c, status as ContentfulStatusCode, code, message));
}

export function withRetryAfter(response: Response, value: number | string | undefined): Response {
  if (value !== undefined) response.headers.set("retry-after", String(value));
  return response;
}

/** The page a gateway in front of the API sends, not JSON. */
export const gatewayPage = (status: number) => `<html>
<head><title>${status} Bad Gateway</title></head>
<body>
<center><h1>${status} Bad Gateway</h1></center>
<hr><center>cloudflare</center>
</body>
</html>
`;

/** Replaces the answer outright (Hono would otherwise copy the old headers onto the new one). */
export function replaceAnswer(c: Context, response: Response): Response {
  c.res = undefined as unknown as Response;
  c.res = response;
  return response;
}
