import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { RunningEmulator } from "@streamkit/emulator";
import { createStreamProxy, type StreamProxy, type StreamProxyOptions } from "@streamkit/proxy";
import { toNodeHandler } from "@streamkit/proxy/node";

export interface ProxyInstance {
  proxy: StreamProxy;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `${origin}/api/stream` */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * One more proxy in front of an emulator a stack already runs, on a server of its own: with
 * the stack's, two instances of one app behind an imaginary load balancer. `webhookPath`
 * mounts the webhook receiver (give it the subscription's `webhookSecret` in `proxy`).
 */
export async function startProxyInstance(options: {
  emulator: RunningEmulator;
  proxy?: Partial<StreamProxyOptions>;
  webhookPath?: string;
}): Promise<ProxyInstance> {
  const { emulator } = options;
  const proxy = createStreamProxy({
    accountId: emulator.accountId,
    apiToken: emulator.token,
    upstream: emulator.apiBase,
    basePath: "/api/stream",
    ...options.proxy,
  });
  const toApi = toNodeHandler(proxy);
  const toWebhook = toNodeHandler(proxy.handleWebhook);
  const server = createServer((req, res) =>
    options.webhookPath && req.url === options.webhookPath ? toWebhook(req, res) : toApi(req, res),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    proxy,
    origin,
    baseUrl: `${origin}/api/stream`,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
