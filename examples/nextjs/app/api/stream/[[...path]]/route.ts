import { streamProxy } from "@/lib/streamProxy";

// An optional catch-all, `[[...path]]`: the list and tus creation are `/api/stream` itself, which
// `[...path]` would not match. The proxy reads the path from the request, so it ignores the
// route context Next passes as the second argument.
export const dynamic = "force-dynamic"; // answers are per user, and `/events` streams

const handle = (request: Request) => streamProxy().fetch(request);

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle; // audio track edits
export const DELETE = handle;
