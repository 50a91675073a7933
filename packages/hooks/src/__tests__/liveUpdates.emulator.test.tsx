import type { RunningEmulator } from "@streamkit/emulator";
import { type Stack, startStack } from "@streamkit/test-utils/stack";
import { renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useStreamContext } from "../context";
import { useVideoStatus } from "../useVideoStatus";
import { eventsOnlyWrapper } from "./eventsOnly";

// The whole chain, for real: emulator → signed webhook → proxy (verifies) → /events → the hook.
let stack: Stack;
let emulator: RunningEmulator;
let proxyUrl: string;
const webhookArrivals = new Map<string, number>();

beforeAll(async () => {
  stack = await startStack({
    webhookPath: "/webhook",
    proxy: {
      onWebhook: (video) => {
        if (video.uid) webhookArrivals.set(video.uid, performance.now());
      },
    },
  });
  ({ emulator, origin: proxyUrl } = stack);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

it("shows ready within 200 ms of the webhook, with polling out of the way", async () => {
  // A direct upload waits in pendingupload until its bytes arrive, so the hook is surely watching
  // before processing starts.
  const created = await fetch(`${proxyUrl}/api/stream/direct_upload`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ maxDurationSeconds: 60 }),
  });
  const { uid, uploadURL } = (
    (await created.json()) as { result: { uid: string; uploadURL: string } }
  ).result;
  let readyAt = 0;
  const wrapper = eventsOnlyWrapper(`${proxyUrl}/api/stream`);
  const { result, unmount } = renderHook(
    () => ({
      status: useVideoStatus(uid, { onReady: () => (readyAt = performance.now()) }),
      live: useStreamContext().liveStatus,
    }),
    { wrapper },
  );
  await waitFor(() => expect(result.current.live).toBe("open"), { timeout: 10_000 });
  await waitFor(() => expect(result.current.status.phase).toBe("awaiting-upload"));
  // jsdom's FormData does not mix with Node's fetch, so the multipart body is written by hand.
  const bytes = Buffer.from(await (await fetch(`${emulator.url}/samples/tiny.mp4`)).arrayBuffer());
  const boundary = "streamkit-test-boundary";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="tiny.mp4"\r\ncontent-type: video/mp4\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const upload = await fetch(uploadURL, {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
  });
  expect(upload.status, await upload.clone().text()).toBe(200);
  await waitFor(() => expect(result.current.status.isReady).toBe(true), {
    timeout: 60_000,
    interval: 5,
  });
  const arrived = webhookArrivals.get(uid);
  expect(arrived).toBeDefined();
  expect(readyAt).toBeGreaterThanOrEqual(arrived ?? Number.POSITIVE_INFINITY);
  expect(readyAt - (arrived ?? 0)).toBeLessThan(200);
  unmount();
}, 90_000);
