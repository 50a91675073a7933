import { type ChildProcess, spawn } from "node:child_process";
import { createLiveInput } from "@streamkit/core/live-inputs";
import { type Stack, startStack } from "@streamkit/test-utils/stack";
import { renderHook, waitFor } from "@testing-library/react";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useLiveInput, useLiveRecordings } from "../liveInputs";
import { eventsOnlyWrapper } from "./eventsOnly";

// The live chain for real: ffmpeg → emulator ingest → live notification → proxy (checks
// cf-webhook-auth, reads the input) → /events → the hooks. Polling is set so slow that only an
// event can bring the change within the test.

let stack: Stack;
let broadcaster: ChildProcess | undefined;

beforeAll(async () => {
  stack = await startStack({
    liveNotificationPath: "/hooks/live",
    emulator: { live: { reconnectWindowMs: 200 } },
  });
}, 60_000);
afterAll(async () => {
  broadcaster?.kill("SIGKILL");
  await stack?.stop();
});

it("shows a broadcast connect and end at once, and its recording in the list", async () => {
  const input = await createLiveInput(stack.client, { recording: { mode: "automatic" } });
  const wrapper = eventsOnlyWrapper(stack.baseUrl);
  const { result, unmount } = renderHook(
    () => ({
      input: useLiveInput(input.uid, { intervalMs: 600_000 }),
      recordings: useLiveRecordings(input.uid),
    }),
    { wrapper },
  );
  await waitFor(() => expect(result.current.input.data?.uid).toBe(input.uid));
  expect(result.current.input.data?.status).toBeNull();
  await waitFor(() => expect(result.current.recordings.isSuccess).toBe(true));
  expect(result.current.recordings.videos).toEqual([]);

  broadcaster = spawn(
    "ffmpeg",
    [
      ...["-hide_banner", "-loglevel", "error", "-re"],
      ...["-f", "lavfi", "-i", "testsrc=size=320x180:rate=15"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-g", "15", "-pix_fmt", "yuv420p"],
      ...["-c:a", "aac", "-f", "flv", `${input.rtmps?.url}${input.rtmps?.streamKey}`],
    ],
    { stdio: "ignore" },
  );
  await waitFor(() => expect(result.current.input.data?.status).toBe("connected"), {
    timeout: 20_000,
  });
  // The recording under way is listed as the broadcast starts.
  await waitFor(() => expect(result.current.recordings.videos).toHaveLength(1), {
    timeout: 5_000,
  });

  broadcaster.kill("SIGINT");
  await waitFor(() => expect(result.current.input.data?.status).toBe("client_disconnect"), {
    timeout: 20_000,
  });
  unmount();
}, 60_000);
