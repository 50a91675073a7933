import type { Decorator } from "@storybook/react-vite";
import { StreamProvider } from "@streamkit/hooks";
import { MOCK_DELIVERY, storyBase } from "@streamkit/test-utils";

/** Story parameters read by `withStream`. */
export interface StreamStoryParameters {
  /** Give the provider the mock delivery origin. Defaults to true. */
  delivery?: boolean;
  /** Max width of the story's box, CSS pixels. */
  width?: number;
}

/**
 * Wraps a story in a StreamProvider pointed at the in-browser mock backend (`mockBackend` of @streamkit/test-utils), with
 * fast polling so lifecycles play out in seconds: `decorators: [withStream]`, and
 * `parameters: { stream: { delivery: false } }` to drop the delivery origin.
 */
export const withStream: Decorator = (Story, { parameters, loaded }) => {
  const options = (parameters.stream as StreamStoryParameters | undefined) ?? {};
  return (
    <StreamProvider
      baseUrl={storyBase(loaded)}
      deliveryOrigin={options.delivery === false ? undefined : MOCK_DELIVERY}
      polling={{ waitingMs: 200, processingMs: 200, jitter: 0 }}
    >
      <div style={{ maxWidth: options.width ?? 880 }}>
        <Story />
      </div>
    </StreamProvider>
  );
};
