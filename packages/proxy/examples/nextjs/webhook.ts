// app/api/webhooks/stream/route.ts: the notificationUrl you register with PUT /stream/webhook.
import { streamProxy } from "./stream";

export const POST = streamProxy.handleWebhook;
