import { StreamProvider } from "@streamkit/hooks";
import { BASE, makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { render, waitFor } from "@testing-library/react";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VideoThumbnail } from "../VideoThumbnail";

const ORIGIN = "http://127.0.0.1:8787";
const model = new StreamModel();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  model.videos.clear();
  model.tokens = [];
  server.resetHandlers(...model.handlers());
});

describe("VideoThumbnail of a private video", () => {
  it("gets a signed token from the proxy and uses it in place of the uid", async () => {
    const uid = makeUid();
    const video = { ...makeVideo(uid, "ready"), requireSignedURLs: true };
    model.add(video);
    render(
      <StreamProvider baseUrl={BASE} deliveryOrigin={ORIGIN}>
        <VideoThumbnail video={video} alt="Private" />
        <VideoThumbnail video={video} alt="Private again" />
      </StreamProvider>,
    );
    await waitFor(() => expect(document.querySelectorAll("img")).toHaveLength(2));
    expect(model.tokens).toHaveLength(1);
    for (const img of document.querySelectorAll("img")) {
      expect(img.getAttribute("src")).toContain(
        `${ORIGIN}/${model.tokens[0]}/thumbnails/thumbnail.jpg?`,
      );
      expect(img.getAttribute("src")).not.toContain(uid);
    }
  });
});
