import { version } from "react";
import { expect, it } from "vitest";

// Runs in both the `unit` (React 19) and `react18` projects: proves the aliasing took effect, so a
// green react18 run really exercised React 18.
it("runs on the React its project names", () => {
  const expected = process.env.STREAMKIT_REACT ?? "";
  expect(version.startsWith(expected)).toBe(true);
});
