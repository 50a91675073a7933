import { http } from "msw";

/** What the msw adapter needs of a model: where it is mounted and how it answers. */
export interface Answering {
  base: string;
  uploadBase: string;
  tusBase: string;
  fetch(request: Request): Promise<Response>;
}

/**
 * msw handlers that hand every request under the model's base, upload and tus URLs to the model.
 * A test's own `server.use(...)` handlers still come first.
 */
export function mswHandlers(model: Answering) {
  const answer = ({ request }: { request: Request }) => model.fetch(request);
  return [model.base, model.uploadBase, model.tusBase].flatMap((prefix) => [
    http.all(prefix, answer),
    http.all(`${prefix}/*`, answer),
  ]);
}
