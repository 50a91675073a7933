import { streamProxy } from "@/lib/streamProxy";

// The `notificationUrl` of the account's webhook subscription (`streamkit setup --webhook-url`).
// Outside the session check on purpose: Stream signs each delivery, and the proxy verifies the
// signature against STREAM_WEBHOOK_SECRET before it publishes the video to `/events`.
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return streamProxy().handleWebhook(request);
}
