import type { Context, Hono } from "hono";
import { ApiError, badRequest, ErrorCode, ok } from "../envelope";
import { type ApiCredentials, checkApiAuth } from "../http/auth";
import type { FaultController } from "./controller";
import { FAULTS_PATH } from "./types";
import { FaultConfigError } from "./validate";

export interface FaultRoutesDeps {
  faults: Pick<FaultController, "state" | "set" | "clear">;
  /** The admin endpoint takes the same token as the API. */
  credentials: ApiCredentials;
}

/**
 * `GET` (state and counts), `PUT` (replace the rules; counts restart) and `DELETE` (remove every
 * rule; answers the state just before) on `/__emulator/faults`, with the API token.
 */
export function registerFaultRoutes(app: Hono, { faults, credentials }: FaultRoutesDeps): void {
  app.use(FAULTS_PATH, async (c, next) => {
    checkApiAuth(c, credentials);
    await next();
  });
  app.get(FAULTS_PATH, (c) => ok(c, faults.state()));
  app.put(FAULTS_PATH, async (c) => {
    const body = await readJsonBody(c);
    try {
      return ok(c, faults.set(body));
    } catch (error) {
      if (error instanceof FaultConfigError)
        throw new ApiError(400, ErrorCode.BadRequest, error.message);
      throw error;
    }
  });
  app.delete(FAULTS_PATH, (c) => ok(c, faults.clear()));
}

/** PUT takes `{ seed?, rules }` or a bare list of rules. */
async function readJsonBody(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}
