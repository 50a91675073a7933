import { uploadFake } from "@streamkit/test-utils/vitest";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { UploadSnapshot, UploadState } from "../state";

/** What the upload engine's test files share: one msw server, the model's far ends, a file. */

export const MiB = 1024 * 1024;
export const server = setupServer();

export function serveUploads(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());
  afterEach(() => server.resetHandlers());
}

export function stream() {
  const fake = uploadFake();
  server.use(...fake.handlers);
  return fake;
}

export const video = (size = 1000, name = "clip.mp4") =>
  new File([new Uint8Array(size)], name, { type: "video/mp4", lastModified: 42 });

export function statesOf(upload: { on(e: "state", l: (s: UploadSnapshot) => void): void }) {
  const states: UploadState[] = [];
  upload.on("state", (s) => {
    if (states.at(-1) !== s.state) states.push(s.state);
  });
  return states;
}
