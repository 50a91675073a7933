import type { Context } from "hono";
import { badRequest } from "../envelope";

/** A JSON object body; an empty body counts as `{}` (the SDK posts nothing to `/keys`). */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

const describe = (value: unknown) =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "an array"
      : typeof value === "string"
        ? JSON.stringify(value.slice(0, 60))
        : typeof value;

/** Typed reads of body fields; each rejects a wrong type with a 400 naming the field. */
export class Fields {
  constructor(private readonly body: Record<string, unknown>) {}

  has(name: string): boolean {
    return this.body[name] !== undefined;
  }

  raw(name: string): unknown {
    return this.body[name];
  }

  string(name: string, max = 4096): string | undefined {
    const value = this.body[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string")
      throw badRequest(`${name}: expected a string, got ${describe(value)}.`);
    if (value.length > max) throw badRequest(`${name}: at most ${max} characters.`);
    return value;
  }

  /** `null` is kept (it clears the field on update). */
  nullableString(name: string, max = 4096): string | null | undefined {
    return this.body[name] === null ? null : this.string(name, max);
  }

  boolean(name: string): boolean | undefined {
    const value = this.body[name];
    if (value === undefined) return undefined;
    if (typeof value !== "boolean")
      throw badRequest(`${name}: expected true or false, got ${describe(value)}.`);
    return value;
  }

  number(name: string, min: number, max: number, integer = false): number | undefined {
    const value = this.body[name];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value))
      throw badRequest(`${name}: expected a number, got ${describe(value)}.`);
    if (integer && !Number.isInteger(value))
      throw badRequest(`${name}: expected a whole number, got ${value}.`);
    if (value < min || value > max)
      throw badRequest(`${name}: expected ${min}..${max}, got ${value}.`);
    return value;
  }

  stringArray(name: string): string[] | undefined {
    const value = this.body[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
      throw badRequest(`${name}: expected an array of strings.`);
    }
    return value as string[];
  }

  object(name: string): Record<string, unknown> | undefined {
    const value = this.body[name];
    if (value === undefined) return undefined;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw badRequest(`${name}: expected an object, got ${describe(value)}.`);
    }
    return value as Record<string, unknown>;
  }

  dateTime(name: string): string | null | undefined {
    const value = this.nullableString(name, 64);
    if (value === null || value === undefined) return value;
    const time = Date.parse(value);
    if (Number.isNaN(time))
      throw badRequest(`${name}: expected an ISO 8601 date-time, got ${describe(value)}.`);
    return new Date(time).toISOString();
  }
}
