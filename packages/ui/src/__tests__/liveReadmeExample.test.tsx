// The README's live example, verbatim apart from the imports and the provider, so the docs
// cannot rot.

import { StreamProvider } from "@streamkit/hooks";
import { useCreateLiveInput } from "@streamkit/hooks/live-inputs";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { expect, it } from "vitest";
import { LiveInputPanel, LiveOutputsEditor, LivePlayer } from "../liveEntry";
import { installFakeSdk } from "./fakeSdk";
import { model, renderMedia, serveMediaModel } from "./mediaRender";

function Studio() {
  const [uid, setUid] = useState<string>();
  const create = useCreateLiveInput();
  if (!uid)
    return (
      <button
        type="button"
        onClick={() =>
          create.mutate(
            { meta: { name: "Town hall" }, recording: { mode: "automatic" } },
            { onSuccess: (input) => setUid(input.uid) },
          )
        }
      >
        New live input
      </button>
    );
  return (
    <>
      <LiveInputPanel uid={uid} />
      <LiveOutputsEditor uid={uid} headingLevel={3} />
      <LivePlayer uid={uid} controls muted autoplay />
    </>
  );
}

export function App() {
  return (
    <StreamProvider baseUrl="/api/stream" customerCode="f33zs165nr7gyfy4">
      <Studio />
    </StreamProvider>
  );
}

serveMediaModel();

it("works as the README shows", async () => {
  installFakeSdk();
  const user = userEvent.setup();
  renderMedia(<Studio />);
  await user.click(screen.getByRole("button", { name: "New live input" }));
  expect(await screen.findByText("Town hall")).toBeInTheDocument();
  const [input] = [...model.liveInputs.values()];
  expect(input?.recording?.mode).toBe("automatic");
  expect(screen.getByRole("radio", { name: "Automatically, as a video" })).toBeChecked();
  expect(await screen.findByText(/No outputs yet/)).toBeInTheDocument();
  expect(screen.getByText("Waiting for the broadcast")).toBeInTheDocument();
  if (input) model.liveInputs.set(input.uid, { ...input, status: "connected" });
  await waitFor(() => expect(document.querySelector("iframe")).not.toBeNull());
  expect(App).toBeTypeOf("function");
  window.Stream = undefined;
});
