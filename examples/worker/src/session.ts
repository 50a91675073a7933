/**
 * Stand-in for your app's own session lookup, so the examples run as they are: a `demo-user`
 * cookie names the user. Replace it with your auth (Auth.js, Lucia, a JWT check…).
 */
export async function currentUser(request: Request): Promise<{ id: string } | null> {
  const match = /(?:^|;\s*)demo-user=([A-Za-z0-9_-]{1,64})/.exec(
    request.headers.get("cookie") ?? "",
  );
  return match?.[1] ? { id: match[1] } : null;
}
