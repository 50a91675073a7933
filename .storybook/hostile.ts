import { inState, type MockVideo } from "@streamkit/test-utils";

/**
 * Lengths the API accepts and people do send: a 5,000-character name without a space, a long
 * name with spaces, and 200 meta fields of long keys and values. Stories built on these are
 * what the layout check (e2e/layout.spec.ts) measures at phone widths.
 */
export const HOSTILE_NAME = `Final_export_${"x".repeat(4_987)}`;
export const HOSTILE_WORDS = "Quarterly results keynote with the whole team ".repeat(40).trim();
export const HOSTILE_META: Record<string, string> = Object.fromEntries(
  Array.from({ length: 200 }, (_, i) => [
    `field_${i}_${"k".repeat(60)}`,
    `value-${i}-${"v".repeat(400)}`,
  ]),
);

export const HOSTILE_LIBRARY: Partial<MockVideo>[] = [
  { name: HOSTILE_NAME, meta: HOSTILE_META, ...inState("ready") },
  { name: HOSTILE_WORDS, ...inState("inprogress", 40) },
  { name: `${"broken-".repeat(300)}.mp4`, ...inState("error") },
];
