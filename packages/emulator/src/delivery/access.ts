import { BlockList, isIPv4, isIPv6 } from "node:net";
import type { Context } from "hono";
import type { EmulatorContext } from "../context";
import { isUid, looksLikeToken } from "../ids";
import type { VideoRecord } from "../records";
import { type AccessRule, type TokenClaims, verifyToken } from "../tokens";

export type Access =
  | { ok: true; record: VideoRecord; claims?: TokenClaims; id: string }
  | { ok: false; status: 401 | 403 | 404; message: string };

/** `example.com` matches that host on any port; `*.example.com` its subdomains only; `host:port` exactly. */
export function originAllowed(host: string, patterns: string[]): boolean {
  const hostname = host.replace(/:\d+$/, "").toLowerCase();
  return patterns.some((raw) => {
    const pattern = raw
      .toLowerCase()
      .replace(/^https?:\/\//, "")
      .replace(/\/.*$/, "");
    if (pattern.startsWith("*.")) return hostname.endsWith(pattern.slice(1));
    return /:\d+$/.test(pattern) ? host.toLowerCase() === pattern : hostname === pattern;
  });
}

/** The embedding page's host, from `Origin` or else `Referer`; `undefined` when neither is sent. */
function requesterHost(c: Context): string | undefined {
  for (const header of ["origin", "referer"]) {
    const value = c.req.header(header);
    if (!value || value === "null") continue;
    try {
      return new URL(value).host;
    } catch {}
  }
  return undefined;
}

function remoteAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress?.replace(/^::ffff:/, "");
}

function ruleMatches(rule: AccessRule, ip: string | undefined): boolean {
  if (rule.type === "any") return true;
  if (rule.type === "ip.src" && ip) {
    const list = new BlockList();
    for (const cidr of rule.ip ?? []) {
      const [address, prefix] = cidr.split("/");
      if (!address) continue;
      const type = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : undefined;
      if (!type) continue;
      if (prefix === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(prefix), type);
    }
    return list.check(ip, isIPv4(ip) ? "ipv4" : "ipv6");
  }
  // Local requests have no GeoIP country, so country rules never match here.
  return false;
}

/**
 * Resolves `<id>` of a delivery URL (a uid or a signed token) to its video and applies the
 * video's protections: `requireSignedURLs`, token validity and access rules, `allowedOrigins`,
 * and `downloadable` for downloads.
 */
export function resolveDelivery(
  ctx: EmulatorContext,
  c: Context,
  id: string,
  purpose: "view" | "download" = "view",
): Access {
  let record: VideoRecord | undefined;
  let claims: TokenClaims | undefined;
  if (isUid(id)) {
    record = ctx.store.get(id);
    if (!record) return { ok: false, status: 404, message: "Video not found" };
    if (record.requireSignedURLs) {
      return {
        ok: false,
        status: 401,
        message: "This video requires a signed URL: use a token instead of the uid",
      };
    }
  } else if (looksLikeToken(id)) {
    const verdict = verifyToken(id, (kid) => ctx.account.key(kid));
    if (!verdict.ok)
      return { ok: false, status: 401, message: `Invalid signed token: ${verdict.reason}` };
    claims = verdict.claims;
    record = ctx.store.get(claims.sub);
    if (!record) return { ok: false, status: 404, message: "Video not found" };
    const rule = (claims.accessRules ?? []).find((r) => ruleMatches(r, remoteAddress(c)));
    if (rule?.action === "block")
      return { ok: false, status: 403, message: "Blocked by the token's access rules" };
    if (purpose === "download" && record.requireSignedURLs && claims.downloadable !== true) {
      return {
        ok: false,
        status: 401,
        message: "Downloads of this video need a token with downloadable: true",
      };
    }
  } else {
    return { ok: false, status: 404, message: "Not found" };
  }
  const host = requesterHost(c);
  const own = [new URL(ctx.origin()).host, c.req.header("host") ?? ""];
  if (
    record.allowedOrigins.length > 0 &&
    host &&
    !own.includes(host) &&
    !originAllowed(host, record.allowedOrigins)
  ) {
    return {
      ok: false,
      status: 403,
      message: `Origin ${host} is not in this video's allowedOrigins`,
    };
  }
  return { ok: true, record, id, ...(claims ? { claims } : {}) };
}
