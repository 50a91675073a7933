import { StreamValidationError } from "@streamkit/core";

/**
 * The claims a browser may ask for in `POST {basePath}/{uid}/token`, checked the same way whether
 * the token is signed locally or by the API. `id` and `pem` are refused: a signing key never
 * travels from a browser.
 */

export interface AccessRule {
  type: "any" | "ip.src" | "ip.geoip.country";
  action: "allow" | "block";
  /** ISO 3166-1 alpha-2 codes, for `ip.geoip.country`. */
  country?: string[];
  /** IPs or CIDRs, for `ip.src`. */
  ip?: string[];
}

export interface StreamTokenClaims {
  /** Unix seconds after which the token is refused. Default now + 1 h; at most now + 24 h. */
  exp?: number;
  /** Unix seconds before which the token is refused. */
  nbf?: number;
  /** Allow MP4/M4A download URLs with this token. */
  downloadable?: boolean;
  /** At most 5 rules, first match wins. */
  accessRules?: AccessRule[];
  flags?: { original?: boolean };
}

/** The API's ceiling for `exp`: 24 hours after signing. */
export const MAX_TOKEN_TTL_SECONDS = 24 * 60 * 60;
export const DEFAULT_TOKEN_TTL_SECONDS = 60 * 60;
const MAX_ACCESS_RULES = 5;
const KNOWN = new Set(["exp", "nbf", "downloadable", "accessRules", "flags"]);

export function checkTokenClaims(body: unknown, nowSeconds: number): StreamTokenClaims {
  if (body === undefined || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body))
    throw new StreamValidationError("body", "expected an object");
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (key === "id" || key === "pem") {
      throw new StreamValidationError(
        key,
        "signing keys are configured on the server, never sent from the browser",
      );
    }
    if (!KNOWN.has(key)) {
      throw new StreamValidationError(
        key,
        `not a token field (accepted: ${[...KNOWN].join(", ")})`,
      );
    }
  }
  const claims: StreamTokenClaims = {};
  if (input.exp !== undefined) {
    const exp = unixSeconds(input.exp, "exp");
    if (exp <= nowSeconds)
      throw new StreamValidationError("exp", `must be in the future, got ${exp}`);
    if (exp > nowSeconds + MAX_TOKEN_TTL_SECONDS) {
      throw new StreamValidationError(
        "exp",
        `at most 24 hours ahead (${nowSeconds + MAX_TOKEN_TTL_SECONDS}), got ${exp}`,
      );
    }
    claims.exp = exp;
  }
  if (input.nbf !== undefined) {
    claims.nbf = unixSeconds(input.nbf, "nbf");
    if (claims.exp !== undefined && claims.nbf >= claims.exp) {
      throw new StreamValidationError("nbf", "must be before exp");
    }
  }
  if (input.downloadable !== undefined) {
    if (typeof input.downloadable !== "boolean")
      throw new StreamValidationError("downloadable", "expected true or false");
    claims.downloadable = input.downloadable;
  }
  if (input.accessRules !== undefined) claims.accessRules = accessRules(input.accessRules);
  if (input.flags !== undefined) claims.flags = flags(input.flags);
  return claims;
}

function unixSeconds(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new StreamValidationError(
      field,
      `expected unix seconds (a whole number), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function accessRules(value: unknown): AccessRule[] {
  if (!Array.isArray(value) || value.length > MAX_ACCESS_RULES) {
    throw new StreamValidationError(
      "accessRules",
      `expected an array of at most ${MAX_ACCESS_RULES} rules`,
    );
  }
  return value.map((rule: unknown, i): AccessRule => {
    const field = `accessRules[${i}]`;
    if (typeof rule !== "object" || rule === null || Array.isArray(rule)) {
      throw new StreamValidationError(field, "expected an object");
    }
    const { type, action, country, ip, ...rest } = rule as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined)
      throw new StreamValidationError(`${field}.${extra}`, "not an access rule field");
    if (type !== "any" && type !== "ip.src" && type !== "ip.geoip.country") {
      throw new StreamValidationError(
        `${field}.type`,
        'expected "any", "ip.src" or "ip.geoip.country"',
      );
    }
    if (action !== "allow" && action !== "block") {
      throw new StreamValidationError(`${field}.action`, 'expected "allow" or "block"');
    }
    const out: AccessRule = { type, action };
    if (country !== undefined) {
      if (
        !Array.isArray(country) ||
        !country.every((c) => typeof c === "string" && /^[A-Z]{2}$/.test(c))
      ) {
        throw new StreamValidationError(
          `${field}.country`,
          "expected ISO 3166-1 alpha-2 codes such as US",
        );
      }
      out.country = country;
    }
    if (ip !== undefined) {
      if (
        !Array.isArray(ip) ||
        !ip.every((a) => typeof a === "string" && /^[0-9a-fA-F.:/]{2,64}$/.test(a))
      ) {
        throw new StreamValidationError(`${field}.ip`, "expected IP addresses or CIDRs");
      }
      out.ip = ip;
    }
    return out;
  });
}

function flags(value: unknown): { original?: boolean } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new StreamValidationError("flags", "expected an object");
  }
  const { original, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined)
    throw new StreamValidationError(`flags.${extra}`, "not a token flag (accepted: original)");
  if (original !== undefined && typeof original !== "boolean") {
    throw new StreamValidationError("flags.original", "expected true or false");
  }
  return original === undefined ? {} : { original };
}
