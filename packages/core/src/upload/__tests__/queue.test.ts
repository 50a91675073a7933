// @vitest-environment node
import { uploadFake as fakeStream } from "@streamkit/test-utils/vitest";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { StreamValidationError } from "../../errors";
import { createUploadQueue } from "../queue";
import type { UploadState } from "../state";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

const video = (name: string) =>
  new File([new Uint8Array(2000)], name, { type: "video/mp4", lastModified: 1 });

function setup(concurrency?: number) {
  const fake = fakeStream();
  server.use(...fake.handlers);
  const queue = createUploadQueue(concurrency ? { concurrency } : {});
  const options = { client: fake.client, readDuration: false as const, retryDelays: [1] };
  const states = () => Object.fromEntries(queue.getItems().map((i) => [i.name, i.state]));
  return { fake, queue, options, states };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe("upload queue", () => {
  it("sends at most `concurrency` files at once, in order, and refuses bad files at once", async () => {
    const { fake, queue, options, states } = setup(2);
    const release = fake.hold();
    const added = queue.add(
      [video("a.mp4"), video("b.mp4"), new File(["x"], "c.txt"), video("d.mp4")],
      options,
    );
    expect(added.map((i) => i.name)).toEqual(["a.mp4", "b.mp4", "c.txt", "d.mp4"]);
    await vi.waitFor(() =>
      expect(states()).toEqual({
        "a.mp4": "uploading",
        "b.mp4": "uploading",
        "c.txt": "error",
        "d.mp4": "queued",
      }),
    );
    expect(queue.get(added[2]!.id)?.snapshot.error).toBeInstanceOf(StreamValidationError);
    expect(fake.createDirectUpload).toHaveBeenCalledTimes(2);
    release();
    await vi.waitFor(() => expect(states()["d.mp4"]).toBe("processing"));
    expect(states()).toMatchObject({ "a.mp4": "processing", "b.mp4": "processing" });
    expect(fake.createDirectUpload).toHaveBeenCalledTimes(3);
  });

  it("a paused upload frees its slot; its resume waits for one", async () => {
    const { fake, queue, options, states } = setup(1);
    const release = fake.hold();
    const [a, b] = queue.add([video("a.mp4"), video("b.mp4")], options);
    await vi.waitFor(() => expect(states()["a.mp4"]).toBe("uploading"));
    queue.pause(a!.id);
    await vi.waitFor(() => expect(states()).toEqual({ "a.mp4": "paused", "b.mp4": "uploading" }));
    queue.resume(a!.id);
    expect(states()["a.mp4"]).toBe("queued"); // b holds the only slot
    release();
    await vi.waitFor(() =>
      expect(states()).toEqual({ "a.mp4": "processing", "b.mp4": "processing" }),
    );
    expect(queue.get(b!.id)?.snapshot.bytesUploaded).toBe(2000);
  });

  it("retries a failed upload when a slot is free; cancel, remove and cancelAll clean up", async () => {
    const { fake, queue, options, states } = setup(1);
    fake.basicFailures.push(500, 500);
    const [a] = queue.add([video("a.mp4")], options);
    await vi.waitFor(() => expect(states()["a.mp4"]).toBe("error"));
    queue.retry(a!.id);
    await vi.waitFor(() => expect(states()["a.mp4"]).toBe("processing"));

    const release = fake.hold();
    const [b, c, d] = queue.add([video("b.mp4"), video("c.mp4"), video("d.mp4")], options);
    await vi.waitFor(() => expect(states()["b.mp4"]).toBe("uploading"));
    await queue.cancel(b!.id);
    expect(states()["b.mp4"]).toBe("cancelled");
    await vi.waitFor(() => expect(states()["c.mp4"]).toBe("uploading"));
    await queue.remove(c!.id);
    expect(queue.get(c!.id)).toBeUndefined();
    await queue.cancelAll();
    expect(states()).toEqual({ "a.mp4": "processing", "b.mp4": "cancelled", "d.mp4": "cancelled" });
    release();
    await settle();
    expect(fake.deleted).toHaveLength(fake.createDirectUpload.mock.calls.length - 1); // all but a
    expect(queue.get(d!.id)?.state).toBe("cancelled");
  });

  it("gives a new array only when something changed, and goes silent when disposed", async () => {
    const { fake, queue, options } = setup();
    const listener = vi.fn();
    queue.subscribe(listener);
    const first = queue.getItems();
    expect(queue.getItems()).toBe(first);
    const release = fake.hold();
    queue.add([video("a.mp4")], options);
    expect(queue.getItems()).not.toBe(first);
    await vi.waitFor(() => expect(queue.getItems()[0]?.state).toBe("uploading"));
    const calls = listener.mock.calls.length;
    await queue.dispose();
    release();
    await settle();
    expect(listener.mock.calls.length).toBe(calls);
    expect(fake.deleted).toHaveLength(1);
    expect(queue.add([video("b.mp4")], options)).toEqual([]);
    expect(() => createUploadQueue({ concurrency: 0 })).toThrow(StreamValidationError);
  });

  it("dispose('pause') leaves uploads resumable on the server", async () => {
    const { fake, queue, options } = setup();
    const release = fake.hold();
    const [a] = queue.add([video("a.mp4")], options);
    await vi.waitFor(() => expect(queue.getItems()[0]?.state).toBe("uploading"));
    await queue.dispose("pause");
    release();
    await settle();
    expect(a!.upload.state).toBe("paused" satisfies UploadState);
    expect(fake.deleted).toEqual([]);
  });
});
