import { StreamValidationError } from "./errors";

const UID = /^[0-9a-f]{32}$/;

/** Video, caption-owner and watermark ids are 32 lowercase hex characters. */
export function isUid(value: unknown): value is string {
  return typeof value === "string" && UID.test(value);
}

export function assertUid(value: unknown, field = "uid"): string {
  if (!isUid(value)) {
    throw new StreamValidationError(
      field,
      `expected 32 lowercase hex characters, got ${describe(value)}`,
    );
  }
  return value;
}

export function assertHttpUrl(value: unknown, field = "url"): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new StreamValidationError(field, `expected an http(s) URL, got ${describe(value)}`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StreamValidationError(field, `not a valid URL: ${describe(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new StreamValidationError(
      field,
      `only http and https URLs are accepted, got ${url.protocol}`,
    );
  }
  return value;
}

export function assertNumberInRange(
  value: unknown,
  field: string,
  min: number,
  max: number,
  { integer = false }: { integer?: boolean } = {},
): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new StreamValidationError(field, `expected a number, got ${describe(value)}`);
  }
  if (integer && !Number.isInteger(value)) {
    throw new StreamValidationError(field, `expected a whole number, got ${value}`);
  }
  if (value < min || value > max) {
    throw new StreamValidationError(field, `expected ${min}..${max}, got ${value}`);
  }
  return value;
}

export function assertDateTime(value: unknown, field: string): string {
  if (typeof value !== "string" || Number.isNaN(Date.parse(value))) {
    throw new StreamValidationError(field, `expected an ISO date-time, got ${describe(value)}`);
  }
  return value;
}

export function assertStringMax(value: unknown, field: string, max: number): string {
  if (typeof value !== "string") {
    throw new StreamValidationError(field, `expected a string, got ${describe(value)}`);
  }
  if (value.length > max) {
    throw new StreamValidationError(field, `at most ${max} characters, got ${value.length}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null) return "null";
  return typeof value;
}
