/** Port checks for `pnpm dev`: a taken port is named before anything starts, with the way out. */
import { createServer } from "node:net";

export interface PortRequest {
  /** What listens there, for the message: "the dashboard". */
  what: string;
  /** The environment variable that picks it: DASHBOARD_PORT. */
  variable: string;
  fallback: number;
}

/** The port the environment asks for, or the default; a clear error for anything else. */
export function portFromEnv(request: PortRequest, env = process.env): number {
  const raw = env[request.variable];
  if (raw === undefined || raw === "") return request.fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`${request.variable}=${raw} is not a port (a whole number, 1 to 65535)`);
  return port;
}

/** True when nothing listens on 127.0.0.1:port (we could bind it ourselves). */
export function isFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

async function nextFree(from: number, taken: Set<number>): Promise<number | undefined> {
  for (let port = from + 1; port < Math.min(from + 100, 65_536); port++) {
    if (!taken.has(port) && (await isFree(port))) return port;
  }
  return undefined;
}

/**
 * Every requested port, checked before anything starts. Throws one message naming each port that
 * is taken (or asked for twice) and a free one to pick instead.
 */
export async function claimPorts(requests: PortRequest[], env = process.env): Promise<number[]> {
  const ports = requests.map((request) => portFromEnv(request, env));
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const [i, request] of requests.entries()) {
    const port = ports[i] as number;
    const twice = seen.has(port);
    seen.add(port);
    if (!twice && (await isFree(port))) continue;
    const other = await nextFree(port, new Set(ports));
    problems.push(
      `port ${port} (${request.what}) is ${twice ? "asked for twice" : "already in use"}; ` +
        `stop what uses it, or pick another: ${request.variable}=${other ?? "<port>"}`,
    );
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return ports;
}
