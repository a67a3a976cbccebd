import type { IncomingMessage } from "node:http";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** What every JSON answer is labelled with: Clerk sends exactly this, with no `charset` parameter. */
export const JSON_CONTENT_TYPE = "application/json";

export interface RawBody {
  text: string;
  bytes: number;
  /** True when the body was larger than the cap; `text` is then empty. */
  tooLarge: boolean;
}

/**
 * Reads the whole body but keeps at most `max` bytes: past the cap it keeps draining (so the client
 * sees our 413 instead of a reset connection) and discards.
 */
export function readBody(req: IncomingMessage, max: number): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= max) chunks.push(chunk);
    });
    req.on("end", () => {
      const tooLarge = bytes > max;
      resolve({ text: tooLarge ? "" : Buffer.concat(chunks).toString("utf8"), bytes, tooLarge });
    });
    req.on("error", reject);
  });
}

/** `application/json`, optionally with parameters (`; charset=utf-8`). */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const type = header.split(";")[0]?.trim().toLowerCase();
  return type === "application/json" || (type?.startsWith("application/") === true && type.endsWith("+json"));
}
