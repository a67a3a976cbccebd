import { isNotFound } from "../../sdk/errors";

/** A GET that answers 404 means the object is gone: undefined, which read turns into "deleted". */
export async function orUndefined<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}
