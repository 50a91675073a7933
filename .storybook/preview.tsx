import "../packages/ui/src/styles.css";
import "../packages/ui/src/live.css";
import "./preview.css";
import type { Decorator, Preview } from "@storybook/react-vite";
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

/**
 * The toolbar's scheme: `system` follows the reader's `prefers-color-scheme`; `light` and `dark`
 * pin it with `data-sk-theme`, as an app with its own theme switch would.
 */
const withTheme: Decorator = (Story, { globals }) => {
  const theme = globals.theme as string | undefined;
  if (typeof document !== "undefined") {
    const root = document.documentElement;
    if (theme === "light" || theme === "dark") root.dataset.skTheme = theme;
    else delete root.dataset.skTheme;
  }
  return <Story />;
};

/** The widths the layout check measures (e2e/layout.spec.ts), to look at them by hand. */
const VIEWPORTS = {
  phoneSmall: {
    name: "Phone, 320 px",
    styles: { width: "320px", height: "640px" },
    type: "mobile",
  },
  phone: { name: "Phone, 390 px", styles: { width: "390px", height: "844px" }, type: "mobile" },
  tablet: { name: "Tablet, 768 px", styles: { width: "768px", height: "1024px" }, type: "tablet" },
  desktop: {
    name: "Desktop, 1280 px",
    styles: { width: "1280px", height: "800px" },
    type: "desktop",
  },
};

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: "Colour scheme",
      toolbar: {
        title: "Scheme",
        icon: "mirror",
        items: [
          { value: "system", title: "System scheme" },
          { value: "light", title: "Light" },
          { value: "dark", title: "Dark" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "system" },
  loaders: [
    async ({ parameters, id, viewMode }) => {
      const w = await startWorker();
      // A fresh library per story render, described by the story's `backend` parameter, under
      // the story's own paths: a docs page renders all of a component's stories at once, and a
      // failing backend of one must not answer the others. A story shown alone starts clean.
      const options = (parameters.backend as MockBackendOptions | undefined) ?? {};
      const backend = mockBackend(options, id);
      if (viewMode === "docs") w.use(...backend.handlers);
      else w.resetHandlers(...backend.handlers);
      return { backend };
    },
  ],
  parameters: {
    layout: "padded",
    viewport: { options: VIEWPORTS },
    a11y: { test: "error" },
  },
  tags: ["autodocs"],
};

export default preview;
