// @vitest-environment node
// Node has File, Blob and fetch but no XMLHttpRequest: the portable transport (fetch with streamed
// bodies) is what runs here; the XHR one runs in Chromium (stories, e2e).
import { UPLOAD_ORIGIN as ORIGIN } from "@streamkit/test-utils/vitest";
import { describe, expect, it, vi } from "vitest";
import { StreamApiError } from "../../errors";
import { createUpload } from "../upload";
import { server, serveUploads, stream, video } from "./uploadSetup";

serveUploads();

describe("StreamUpload (basic)", () => {
  it("explains an expired link and gets a new one on retry, deleting the stale video", async () => {
    const fake = stream();
    fake.basicFailures.push(410);
    const upload = createUpload(video(), { client: fake.client, retryDelays: [] });
    let stale: string | undefined;
    upload.on("state", (s) => {
      stale ??= s.uid;
    });
    const error = await upload.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamApiError);
    expect((error as Error).message).toBe(
      "The upload link expired (injected). Retry the upload to ask for a new link.",
    );
    // Written for a person, so a UI may show it as it is.
    expect((error as StreamApiError).worded).toBe(true);
    await vi.waitFor(() => expect(fake.deleted).toEqual([stale]));
    expect(upload.snapshot.uid).toBeUndefined();
    const result = await upload.retry();
    expect(result.uid).not.toBe(stale);
    expect(fake.createDirectUpload).toHaveBeenCalledTimes(2);
  });

  it("a retry that finds its link used by an earlier, lost attempt counts as done", async () => {
    const fake = stream();
    const upload = createUpload(video(), { client: fake.client, retryDelays: [1] });
    // The first POST lands, but its answer is lost; the retry then gets 409.
    server.use(
      ...[
        (await import("msw")).http.post(`${ORIGIN}/upload/:id`, async ({ params, request }) => {
          const record = fake.basic.get(String(params.id));
          if (record && !record.used) {
            await request.arrayBuffer();
            record.used = true;
            return (await import("msw")).HttpResponse.error();
          }
          return (await import("msw")).HttpResponse.json({ success: false }, { status: 409 });
        }),
      ],
    );
    await expect(upload.start()).resolves.toMatchObject({ protocol: "basic" });
  });

  it("asks again when the link is still held for its own broken-off attempt", async () => {
    const fake = stream();
    const upload = createUpload(video(), { client: fake.client, retryDelays: [1, 1, 1] });
    const { http, HttpResponse } = await import("msw");
    let posts = 0;
    // The first attempt breaks off; the server has not noticed yet and answers the retry 409
    // (the video is still waiting for its upload); the next retry goes through.
    server.use(
      http.post(`${ORIGIN}/upload/:id`, async ({ params, request }) => {
        posts += 1;
        if (posts === 1) return HttpResponse.error();
        if (posts === 2)
          return HttpResponse.json(
            { success: false, errors: [{ code: 10011, message: "busy" }] },
            { status: 409 },
          );
        const record = fake.basic.get(String(params.id));
        await request.arrayBuffer();
        if (record) record.used = true;
        return new HttpResponse(null, { status: 200 });
      }),
    );
    await expect(upload.start()).resolves.toMatchObject({ protocol: "basic" });
    expect(posts).toBe(3);
  });

  it("a first answer of 409 with nothing landed is a typed error, not a loop", async () => {
    const fake = stream();
    const upload = createUpload(video(), { client: fake.client, retryDelays: [1, 1, 1] });
    const { http, HttpResponse } = await import("msw");
    let posts = 0;
    server.use(
      http.post(`${ORIGIN}/upload/:id`, () => {
        posts += 1;
        return HttpResponse.json(
          { success: false, errors: [{ code: 10011, message: "used" }] },
          { status: 409 },
        );
      }),
    );
    await expect(upload.start()).rejects.toMatchObject({ status: 409 });
    expect(posts).toBe(1);
  });

  it("a file the API refuses as not a video deletes its placeholder and forgets its uid", async () => {
    const fake = stream();
    fake.basicFailures.push({
      status: 400,
      code: 10059,
      message: "The uploaded file is not a video (unrecognized format).",
    });
    const upload = createUpload(video(), { client: fake.client, retryDelays: [1, 1] });
    const uids: (string | undefined)[] = [upload.snapshot.uid];
    upload.on("state", (s) => {
      if (uids.at(-1) !== s.uid) uids.push(s.uid);
    });
    const error = await upload.start().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    expect((error as Error).message).toContain("not a video");
    // Refused bytes are not retried: one POST, one placeholder, deleted.
    expect(fake.createDirectUpload).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fake.deleted).toEqual([uids[1]]));
    expect(uids).toEqual([undefined, expect.stringMatching(/^[0-9a-f]{32}$/), undefined]);
    expect(upload.snapshot).toMatchObject({ state: "error", uid: undefined });
  });
});
