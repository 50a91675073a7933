import type { Context, MiddlewareHandler } from "hono";
import { ApiError, ErrorCode } from "../envelope";

/** What the API checks requests against; `ResolvedOptions` fits as it is. */
export interface ApiCredentials {
  token: string;
  accountId: string;
}

const authError = (status: 401 | 403) =>
  new ApiError(status, ErrorCode.Authentication, "Authentication error");

/**
 * Bearer token (or `X-Auth-Key`, as global-key clients send) equal to the emulator's token, and the
 * emulator's account id in the path. Missing credentials are 401, wrong ones 403 (code 10000).
 */
export function checkApiAuth(c: Context, credentials: ApiCredentials, accountId?: string): void {
  const header = c.req.header("authorization");
  const key = c.req.header("x-auth-key");
  if (!header && !key) throw authError(401);
  const token = header ? /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() : key;
  if (token !== credentials.token) throw authError(403);
  if (accountId !== undefined && accountId !== credentials.accountId) throw authError(403);
}

export function apiAuth(credentials: ApiCredentials): MiddlewareHandler {
  return async (c, next) => {
    checkApiAuth(c, credentials, c.req.param("account_id"));
    await next();
  };
}
