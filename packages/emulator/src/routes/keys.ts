import type { KeyObject } from "node:crypto";
import type { Hono } from "hono";
import type { SigningKey } from "../account";
import type { EmulatorContext } from "../context";
import { badRequest, notFound, ok } from "../envelope";
import { Fields, readJsonObject } from "../http/body";
import { API, requireVideo } from "../http/lookup";
import {
  type AccessRule,
  createSigningKey,
  describeNewKey,
  parsePrivateKey,
  signToken,
  type TokenClaims,
} from "../tokens";

const MAX_KEYS = 1000;
const DAY_S = 86_400;

function readAccessRules(value: unknown): AccessRule[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 5)
    throw badRequest("accessRules: expected an array of at most 5 rules.");
  return value.map((raw, i) => {
    const rule = raw as Partial<AccessRule> | null;
    if (typeof rule !== "object" || rule === null)
      throw badRequest(`accessRules[${i}]: expected an object.`);
    if (rule.type !== "any" && rule.type !== "ip.src" && rule.type !== "ip.geoip.country") {
      throw badRequest(`accessRules[${i}].type: expected "any", "ip.src" or "ip.geoip.country".`);
    }
    if (rule.action !== "allow" && rule.action !== "block")
      throw badRequest(`accessRules[${i}].action: expected "allow" or "block".`);
    const list =
      rule.type === "ip.src" ? rule.ip : rule.type === "ip.geoip.country" ? rule.country : [];
    if (!Array.isArray(list) || list.some((v) => typeof v !== "string")) {
      throw badRequest(
        `accessRules[${i}]: ${rule.type === "ip.src" ? "ip" : "country"} must be an array of strings.`,
      );
    }
    return { ...rule, type: rule.type, action: rule.action } as AccessRule;
  });
}

/** Signing keys (`/keys`) and signed playback tokens (`/<uid>/token`), §3.7. */
export function registerKeyRoutes(app: Hono, ctx: EmulatorContext): void {
  let internalKey: Promise<SigningKey> | undefined;
  // Tokens asked for without a key of the caller's are signed with the account's own key.
  const accountKey = () => {
    internalKey ??= (async () => {
      const existing = ctx.account.keys().find((k) => k.internal);
      if (existing) return existing;
      const key = await createSigningKey(true);
      await ctx.account.addKey(key);
      return key;
    })();
    return internalKey;
  };

  app.post(`${API}/keys`, async (c) => {
    if (ctx.account.keys().filter((k) => !k.internal).length >= MAX_KEYS) {
      throw badRequest(`An account can have at most ${MAX_KEYS} signing keys.`);
    }
    const key = await createSigningKey(false);
    await ctx.account.addKey(key);
    return ok(c, describeNewKey(key));
  });

  app.get(`${API}/keys`, (c) =>
    ok(
      c,
      ctx.account
        .keys()
        .filter((k) => !k.internal)
        .map((k) => ({ id: k.id, created: k.created })),
    ),
  );

  app.delete(`${API}/keys/:id`, async (c) => {
    const id = c.req.param("id");
    const key = ctx.account.key(id);
    if (!key || key.internal) throw notFound(`No signing key ${id}.`);
    await ctx.account.removeKey(id);
    return ok(c, "Revoked");
  });

  app.post(`${API}/:uid/token`, async (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    const fields = new Fields(await readJsonObject(c));
    const now = Math.floor(Date.now() / 1000);
    const exp = fields.number("exp", now + 1, now + DAY_S, true) ?? now + 3600;
    const nbf = fields.number("nbf", 0, exp - 1, true) ?? exp - 7200;
    const id = fields.string("id", 64);
    const pem = fields.string("pem", 16_384);
    if ((id === undefined) !== (pem === undefined))
      throw badRequest("id and pem: give both (to sign with your own key) or neither.");
    let kid: string;
    let privateKey: KeyObject | string;
    if (id !== undefined && pem !== undefined) {
      try {
        privateKey = parsePrivateKey(pem);
      } catch {
        throw badRequest("pem: not a private key (expected the base64 PEM from POST /keys).");
      }
      kid = id;
    } else {
      const key = await accountKey();
      kid = key.id;
      privateKey = key.privatePem;
    }
    // Like Stream's /token endpoint, exp and nbf are written as numeric strings.
    const claims: TokenClaims = { sub: record.uid, kid, exp: String(exp), nbf: String(nbf) };
    const rules = readAccessRules(fields.raw("accessRules"));
    if (rules) claims.accessRules = rules;
    const downloadable = fields.boolean("downloadable");
    if (downloadable !== undefined) claims.downloadable = downloadable;
    const flags = fields.object("flags");
    if (flags) claims.flags = { original: flags.original === true };
    return ok(c, { token: signToken(kid, privateKey, claims) });
  });
}
