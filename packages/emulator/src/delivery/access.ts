import { BlockList, isIPv4, isIPv6 } from "node:net";
import type { Context } from "hono";
import type { EmulatorContext } from "../context";
import { isUid, looksLikeToken } from "../ids";
import type { VideoRecord } from "../records";
import { type AccessRule, type TokenClaims, verifyToken } from "../tokens";

export type Denied = { ok: false; status: 401 | 403 | 404; message: string };

export type Access = { ok: true; record: VideoRecord; claims?: TokenClaims; id: string } | Denied;

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

/** Who a delivery URL's `<id>` names: the uid itself, or a signed token's subject. */
export type Identified = { ok: true; uid: string; claims?: TokenClaims } | Denied;

/** What a delivery URL may be refused for, wherever it points (a video or a live input). */
export interface Protections {
  requireSignedURLs: boolean;
  allowedOrigins: string[];
}

/**
 * Reads `<id>` (a uid or a signed token): a token must verify against the account's keys and
 * pass its own access rules. Says nothing yet about what the uid names.
 */
export function identify(ctx: EmulatorContext, c: Context, id: string): Identified {
  if (isUid(id)) return { ok: true, uid: id };
  if (!looksLikeToken(id)) return { ok: false, status: 404, message: "Not found" };
  const verdict = verifyToken(id, (kid) => ctx.account.key(kid));
  if (!verdict.ok)
    return { ok: false, status: 401, message: `Invalid signed token: ${verdict.reason}` };
  const { claims } = verdict;
  const rule = (claims.accessRules ?? []).find((r) => ruleMatches(r, remoteAddress(c)));
  if (rule?.action === "block")
    return { ok: false, status: 403, message: "Blocked by the token's access rules" };
  return { ok: true, uid: claims.sub, claims };
}

/**
 * Applies a target's protections to a request that named it: a uid where a signed URL is
 * required is refused, and so is an embedding page outside `allowedOrigins` (the emulator's own
 * pages always pass). `noun` words the refusal ("video", "live input").
 */
export function guard(
  ctx: EmulatorContext,
  c: Context,
  who: Extract<Identified, { ok: true }>,
  target: Protections,
  noun: string,
): Denied | undefined {
  if (!who.claims && target.requireSignedURLs) {
    return {
      ok: false,
      status: 401,
      message: `This ${noun} requires a signed URL: use a token instead of the uid`,
    };
  }
  const host = requesterHost(c);
  const own = [new URL(ctx.origin()).host, c.req.header("host") ?? ""];
  if (
    target.allowedOrigins.length > 0 &&
    host &&
    !own.includes(host) &&
    !originAllowed(host, target.allowedOrigins)
  ) {
    return {
      ok: false,
      status: 403,
      message: `Origin ${host} is not in this ${noun}'s allowedOrigins`,
    };
  }
  return undefined;
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
  const who = identify(ctx, c, id);
  if (!who.ok) return who;
  const record = ctx.store.get(who.uid);
  if (!record) return { ok: false, status: 404, message: "Video not found" };
  const denied = guard(ctx, c, who, record, "video");
  if (denied) return denied;
  if (purpose === "download" && record.requireSignedURLs && who.claims?.downloadable !== true) {
    return {
      ok: false,
      status: 401,
      message: "Downloads of this video need a token with downloadable: true",
    };
  }
  return { ok: true, record, id, ...(who.claims ? { claims: who.claims } : {}) };
}
