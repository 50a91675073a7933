import { type FakeUpstream, startFakeUpstream } from "@streamkit/test-utils/upstream";
import { afterAll, afterEach, beforeAll } from "vitest";

/** The fake upstream of the test file that called `serveFakeUpstream` (a live binding). */
export let fake: FakeUpstream;

/** One fake upstream per test file, its log and override cleared after each test. */
export function serveFakeUpstream(): void {
  beforeAll(async () => {
    fake = await startFakeUpstream();
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.requests.length = 0;
    fake.override = undefined;
  });
}
