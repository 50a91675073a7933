import { mswHandlers } from "./msw";
import { route } from "./routes";
import { StreamState } from "./state";

/**
 * The one in-memory Stream of the tests and stories: videos, statuses, captions, downloads,
 * direct uploads and tus targets behind the proxy contract, recording every request. Updates
 * replace `meta` as the API does. Reach it through msw (`handlers()`) or as a fetch function.
 */
export class StreamModel extends StreamState {
  /** A fetch function answered by the model (for a client's or a proxy's `fetch` option). */
  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    route(this, input instanceof Request && init === undefined ? input : new Request(input, init));

  handlers() {
    return mswHandlers(this);
  }
}
