// The README's usage example, verbatim apart from the imports, so the docs cannot rot.

import { BASE, StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { expect, it } from "vitest";
import { StreamProvider, useUploadFromUrl, useVideoStatus } from "../index";

function CopyAndWatch() {
  const [uid, setUid] = useState<string>();
  const upload = useUploadFromUrl({ onSuccess: (video) => setUid(video.uid) });
  const { phase, progress, error } = useVideoStatus(uid, {
    onReady: (video) => console.log("ready to play", video.uid),
  });

  return (
    <div>
      <button type="button" onClick={() => upload.mutate({ input: "https://example.com/cat.mp4" })}>
        Copy the cat
      </button>
      {uid && (
        <p>
          {phase} {Math.round(progress * 100)}%
        </p>
      )}
      {(upload.error ?? error) && <p role="alert">{(upload.error ?? error)?.message}</p>}
    </div>
  );
}

export function App() {
  return (
    <StreamProvider baseUrl="/api/stream" deliveryOrigin="http://127.0.0.1:8787">
      <CopyAndWatch />
    </StreamProvider>
  );
}

const model = new StreamModel();
serveModel(model);

it("works as the README shows", async () => {
  render(
    <StreamProvider baseUrl={BASE}>
      <CopyAndWatch />
    </StreamProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: "Copy the cat" }));
  expect(await screen.findByText("downloading 0%")).toBeInTheDocument();
  expect(App).toBeTypeOf("function");
});
