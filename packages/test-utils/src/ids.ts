// One counter for every test that makes uids, in any package: no two videos share one.
let counter = 0;

export function makeUid(): string {
  counter += 1;
  return counter.toString(16).padStart(32, "0");
}

/** How many uids were made so far: a stable, increasing stamp for `created`. */
export function uidCount(): number {
  return counter;
}

/** A uid from a fixed seed, so a story can name a video before its backend exists. */
export function mockUid(seed: number): string {
  return seed.toString(16).padStart(32, "0").slice(-32);
}
