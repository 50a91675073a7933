/** Reads server-sent events from a response body, the way a test can wait on them. */

export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comments: string[];
}

export function sseReader(response: Response) {
  if (!response.body) throw new Error("no body");
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let received = "";
  const messages: SseMessage[] = [];

  function parse(block: string): SseMessage {
    const message: SseMessage = { comments: [] };
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) message.comments.push(line.slice(1).trim());
      else {
        const colon = line.indexOf(":");
        const field = line.slice(0, colon);
        const value = line.slice(colon + 1).replace(/^ /, "");
        if (field === "id" || field === "event" || field === "data" || field === "retry")
          message[field] = value;
      }
    }
    return message;
  }

  /** Resolves with the first message (at or after `from`) that matches, or rejects after `timeoutMs`. */
  async function next(match: (m: SseMessage) => boolean, timeoutMs = 2000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = messages.findIndex(match);
      if (index >= 0) return messages.splice(index, 1)[0] as SseMessage;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("timed out waiting for an SSE message");
      const chunk = await Promise.race([
        reader.read(),
        new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), left)),
      ]);
      if (chunk === "timeout") continue;
      if (chunk.done) throw new Error("SSE stream ended");
      const text = decoder.decode(chunk.value, { stream: true });
      buffer += text;
      received += text;
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        messages.push(parse(buffer.slice(0, end)));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
    }
  }

  return {
    next,
    nextVideo: (timeoutMs?: number) => next((m) => m.event === "video", timeoutMs),
    /** True when no event of this type (a video by default) arrives within `ms`. */
    async quiet(ms = 150, event = "video"): Promise<boolean> {
      try {
        await next((m) => m.event === event, ms);
        return false;
      } catch {
        return true;
      }
    },
    /** Everything the stream sent so far, as text. */
    text: () => received,
    cancel: () => reader.cancel(),
  };
}
