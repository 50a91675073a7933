/**
 * Whether a query hook runs for `uid`. No uid yet (`undefined`, `""`) keeps the query idle, as a
 * form does before anything is chosen. Any other string runs it, and a malformed one fails in
 * core before any request with a `StreamValidationError`, so a typo shows as an error instead of
 * a hook that waits forever.
 */
export function queryUid(uid: string | undefined): { key: string; run: boolean } {
  return { key: uid ?? "", run: uid !== undefined && uid !== "" };
}
