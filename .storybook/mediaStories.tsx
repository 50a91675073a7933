import type { Decorator } from "@storybook/react-vite";
import { StreamProvider } from "@streamkit/hooks";
import { mockUid, storyBase } from "@streamkit/test-utils";

/** The first video a story seeds into the mock backend gets this uid. */
export const SEEDED = mockUid(0x5eed0001);

/** A seeded video that is ready at once, for `parameters.backend.seed`. */
export const readyVideo = (extra: object = {}) => ({ name: "Keynote", pace: 0, ...extra });

/**
 * The frame of the captions and downloads stories: a provider over the mock backend with quick
 * polling, in a column as wide as a video page's side panel.
 */
export const mediaPanelDecorator: Decorator = (Story, context) => (
  <StreamProvider
    baseUrl={storyBase(context.loaded)}
    polling={{ waitingMs: 300, processingMs: 300, jitter: 0 }}
  >
    <div style={{ maxWidth: 560 }}>
      <Story />
    </div>
  </StreamProvider>
);
