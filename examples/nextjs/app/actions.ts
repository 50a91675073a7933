"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { parseUserName, USER_COOKIE } from "@/lib/session";

/** The sign-in form's Server Function: a valid name becomes the session cookie. */
export async function signIn(form: FormData): Promise<never> {
  const name = parseUserName(String(form.get("name") ?? ""));
  if (!name) redirect("/login?error=name");
  (await cookies()).set(USER_COOKIE, name, {
    httpOnly: true, // the browser's scripts never need it: the proxy reads it from each request
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 7,
  });
  redirect("/");
}

export async function signOut(): Promise<never> {
  (await cookies()).delete(USER_COOKIE);
  redirect("/login");
}
