// app/api/stream/[[...path]]/route.ts: every path under /api/stream, every method.
import { streamProxy } from "./stream";

export const dynamic = "force-dynamic"; // answers are per user, and /events streams
export const GET = streamProxy.fetch;
export const POST = streamProxy.fetch;
export const PUT = streamProxy.fetch;
export const PATCH = streamProxy.fetch; // audio track edits
export const DELETE = streamProxy.fetch;
