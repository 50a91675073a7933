import type { EventSourceLike } from "../liveUpdates";

/** A controllable EventSource: tests open it, send events and fail it. */
export class FakeEventSource implements EventSourceLike {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data?: unknown) {
    for (const l of this.listeners.get(type) ?? [])
      l(new MessageEvent(type, { data: typeof data === "string" ? data : JSON.stringify(data) }));
  }
  open() {
    this.readyState = 1;
    this.emit("open");
  }
  fail(fatal: boolean) {
    this.readyState = fatal ? 2 : 0;
    this.emit("error");
  }
}
