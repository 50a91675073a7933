import type { FaultScope } from "./types";

/** The account prefix of API paths, so `/stream/*` rules read the same for every account. */
const API_PREFIX = /^\/client\/v4\/accounts\/[^/]+(?=\/stream(\/|$))/;

/** `*` is one path segment, `**` anything; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === "*" && glob[i + 1] === "*") {
      source += ".*";
      i += 1;
    } else if (char === "*") source += "[^/]*";
    else source += char.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** A request as the matcher sees it; built once per request, shared by every rule. */
export interface MatchTarget {
  method: string;
  path: string;
  /** `path` without `/client/v4/accounts/{account_id}`, for `/stream…` patterns. */
  apiPath: string;
}

export function matchTarget(method: string, path: string): MatchTarget {
  return { method: method.toUpperCase(), path, apiPath: path.replace(API_PREFIX, "") };
}

/** A rule's method and path scope, compiled once when the rules are set. */
export type ScopeMatcher = (target: MatchTarget) => boolean;

export function compileScope(scope: Pick<FaultScope, "method" | "path">): ScopeMatcher {
  const methods =
    scope.method === undefined
      ? undefined
      : new Set([scope.method].flat().map((m) => m.toUpperCase()));
  const path = scope.path === undefined ? undefined : globToRegExp(scope.path);
  const apiRelative = scope.path?.startsWith("/stream") ?? false;
  return (target) =>
    (!methods || methods.has(target.method)) &&
    (!path || path.test(apiRelative ? target.apiPath : target.path));
}
