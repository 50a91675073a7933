// The API's JSON envelope, as plain web Responses: msw, a fetch function and a Node server all
// answer with these.

export function ok(result: unknown, extra: Record<string, unknown> = {}, status = 200): Response {
  return Response.json({ result, success: true, errors: [], messages: [], ...extra }, { status });
}

export function fail(
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { result: null, success: false, errors: [{ code, message }], messages: [] },
    { status, headers },
  );
}

export const notFound = (message = "Not found", code = 10003): Response => fail(404, code, message);
