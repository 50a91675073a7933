import {
  type ProxyInstance,
  type RunningRedis,
  type Stack,
  startProxyInstance,
  startRedis,
  startStack,
} from "@streamkit/test-utils/stack";
import { renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useStreamContext } from "../context";
import { useVideoStatus } from "../useVideoStatus";
import { eventsOnlyWrapper } from "./eventsOnly";

// Two proxy instances on one redis-server: the emulator's webhook lands on instance A, the
// page's hooks talk only to instance B, and B's event stream brings "ready" into their cache.
let redis: RunningRedis;
let stack: Stack;
let b: ProxyInstance;

beforeAll(async () => {
  redis = await startRedis();
  stack = await startStack({ webhookPath: "/webhook", proxy: { events: redis.bus() } });
  b = await startProxyInstance({ emulator: stack.emulator, proxy: { events: redis.bus() } });
}, 60_000);

afterAll(async () => {
  await b?.stop();
  await stack?.stop();
  await redis?.stop();
});

it("turns ready in the cache of a page on instance B from a webhook received by A", async () => {
  const { uid, send } = await stack.createUpload();
  const wrapper = eventsOnlyWrapper(b.baseUrl);
  const { result, unmount } = renderHook(
    () => ({ status: useVideoStatus(uid), live: useStreamContext().liveStatus }),
    { wrapper },
  );
  await waitFor(() => expect(result.current.live).toBe("open"), { timeout: 10_000 });
  await waitFor(() => expect(result.current.status.phase).toBe("awaiting-upload"));
  const bytes = new Uint8Array(
    await (await fetch(`${stack.emulator.url}/samples/tiny.mp4`)).arrayBuffer(),
  );
  await send(bytes);
  await waitFor(() => expect(result.current.status.isReady).toBe(true), { timeout: 60_000 });
  // B's server never received a webhook: the event crossed over Redis.
  expect(stack.proxyRequests).toContain("POST /webhook");
  unmount();
}, 90_000);
