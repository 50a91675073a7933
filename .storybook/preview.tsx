import "../packages/ui/src/styles.css";
import type { Preview } from "@storybook/react-vite";
import { type MockBackendOptions, mockBackend } from "@streamkit/test-utils";
import type { SetupWorker } from "msw/browser";

let worker: Promise<SetupWorker> | undefined;

/** One msw worker per page; each story installs its own backend's handlers on it. */
function startWorker(): Promise<SetupWorker> {
  worker ??= import("msw/browser").then(async ({ setupWorker }) => {
    const w = setupWorker();
    await w.start({
      onUnhandledRequest: "bypass",
      quiet: true,
      serviceWorker: { url: "./mockServiceWorker.js" },
    });
    return w;
  });
  return worker;
}

const preview: Preview = {
  loaders: [
    async ({ parameters }) => {
      const w = await startWorker();
      // A fresh library per story render, described by the story's `backend` parameter.
      const backend = mockBackend((parameters.backend as MockBackendOptions | undefined) ?? {});
      w.resetHandlers(...backend.handlers);
      return { backend };
    },
  ],
  parameters: {
    layout: "padded",
    a11y: { test: "error" },
  },
  tags: ["autodocs"],
};

export default preview;
