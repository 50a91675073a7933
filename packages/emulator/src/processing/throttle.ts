/** Lets a frequent event through at most once per interval (progress writes to disk). */
export class Throttle {
  private last = 0;

  constructor(private readonly intervalMs: number) {}

  ready(now = Date.now()): boolean {
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }
}
