import { fail } from "./envelope";

/** A request the model answered; `path` is below the base, `body` the parsed JSON of a POST. */
export interface Recorded {
  method: string;
  url: URL;
  path: string;
  contentType: string | null;
  body?: unknown;
}

/**
 * An injected failure: the next request (of `method`, to a path below the base that matches
 * `path`, when given) gets it instead.
 */
export interface Failure {
  status: number;
  method?: string;
  path?: RegExp;
  /** Only requests that change something (Storybook's "the backend refuses changes"). */
  writes?: boolean;
  /** How many requests it answers before it is used up; 1 unless given (Infinity: always). */
  times?: number;
  /** The error envelope's message and code; `injected` and 10000 unless given. */
  message?: string;
  code?: number;
  headers?: Record<string, string>;
  /** A raw body instead of the API's error envelope. */
  body?: string;
}

/** Takes the first failure that matches off the list (or counts one use of it), if any. */
export function takeFailure(
  failures: Failure[],
  recorded: Recorded,
  write: boolean,
): Failure | undefined {
  const index = failures.findIndex(
    (f) =>
      (!f.method || f.method === recorded.method) &&
      (!f.path || f.path.test(recorded.path)) &&
      (!f.writes || write),
  );
  const failure = failures[index];
  if (!failure) return undefined;
  const left = (failure.times ?? 1) - 1;
  if (left <= 0) failures.splice(index, 1);
  else failures[index] = { ...failure, times: left };
  return failure;
}

export function failureResponse(failure: Failure): Response {
  if (failure.body !== undefined) {
    return new Response(failure.body, {
      status: failure.status,
      headers: { "content-type": "application/json", ...failure.headers },
    });
  }
  return fail(
    failure.status,
    failure.code ?? 10000,
    failure.message ?? "injected",
    failure.headers ?? {},
  );
}
