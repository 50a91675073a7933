/** The package ids (`name@version`, peers suffix dropped) a pnpm v9 lockfile's `packages:` holds. */
export function lockedPackages(lockfile: string): Set<string> {
  const ids = new Set<string>();
  let inPackages = false;
  for (const line of lockfile.split("\n")) {
    if (/^\S/.test(line)) inPackages = line.startsWith("packages:");
    else if (inPackages) {
      const key = /^ {2}'?([^' ][^']*?)'?:\s*$/.exec(line)?.[1];
      if (key) ids.add(key.replace(/\(.*$/, ""));
    }
  }
  return ids;
}

export function difference(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((id) => !b.has(id)).sort();
}
