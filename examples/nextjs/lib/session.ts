import "server-only";
import { cookies } from "next/headers";

/**
 * The example's session: a `user` cookie that names the signed-in user, set by the sign-in form.
 * A stand-in so the app runs as it is; a real app asks its auth (Auth.js, a signed JWT, a
 * session table) in these two functions and nowhere else. The name is also the Stream `creator`
 * the proxy confines the user to, so it is held to what a creator id may be.
 */
export const USER_COOKIE = "user";

/** 1–64 letters, digits, `-` or `_`: a valid Stream creator id, safe in a cookie as it is. */
const USER_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function parseUserName(value: string | undefined | null): string | null {
  const name = value?.trim();
  return name && USER_NAME.test(name) ? name : null;
}

/** The signed-in user of a Route Handler's request (the proxy's `authorize` and `creatorScope`). */
export function userFromRequest(request: Request): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === USER_COOKIE) return parseUserName(decodeURIComponent(value.join("=")));
  }
  return null;
}

/** The signed-in user of the page being rendered (Server Components and Server Functions). */
export async function currentUser(): Promise<string | null> {
  return parseUserName((await cookies()).get(USER_COOKIE)?.value);
}
