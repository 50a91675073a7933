import type { RequestHandler } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import type { StreamModel } from "../model";
import { useFakeClock } from "./timers";

export interface ServeOptions {
  /** Fake the clock for each test (then drive it with `advance`). */
  fakeTimers?: boolean;
  /** Handlers put before the model's, made afresh for each test. */
  handlers?: () => RequestHandler[];
}

/**
 * The msw setup a test file repeats: a server answering from `model`, reset before each test
 * (an empty library, no recorded requests, no failures), any other request an error.
 */
export function serveModel(model: StreamModel, options: ServeOptions = {}) {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());
  beforeEach(() => {
    model.reset();
    server.resetHandlers(...(options.handlers?.() ?? []), ...model.handlers());
    if (options.fakeTimers) useFakeClock();
  });
  if (options.fakeTimers) afterEach(() => vi.useRealTimers());
  return server;
}
