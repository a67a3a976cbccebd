import type { Requester, RequestOptions } from "../request";
import { instancePath } from "./path";
import {
  type ConfigDocument,
  ConfigDocumentSchema,
  ConfigSchemaSchema,
  type ConfigWriteResult,
  ConfigWriteResultSchema,
} from "./schemas";

/** `development`, `production`, or an instance id (`ins_…`). */
export type PlatformInstanceRef = "development" | "production" | (string & {});

export interface ConfigReadOptions {
  /** Only these top-level keys (sent as `keys=a&keys=b`); all keys when absent or empty. */
  keys?: string[];
}

export interface ConfigWriteOptions {
  /** Validate and answer the projected `after` without saving (`config_version` stays). */
  dryRun?: boolean;
  /** Allow `null` to clear a key or field and deleting map entries (custom OAuth providers, plans…). */
  destructive?: boolean;
  /** Keys to return in `before`/`after`; by default Clerk returns the keys the write touched. */
  keys?: string[];
  /** The `config_version` this write was computed from: Clerk refuses it (409) if the document moved on. */
  ifMatch?: string;
}

const keysQuery = (keys: string[] | undefined) => (keys && keys.length > 0 ? { keys } : {});

function writeQuery(o: ConfigWriteOptions) {
  return {
    ...(o.dryRun ? { dry_run: true } : {}),
    ...(o.destructive ? { destructive: true } : {}),
    ...keysQuery(o.keys),
  };
}

export function configApi(request: Requester) {
  const write =
    (method: "PATCH" | "PUT") =>
    (
      applicationId: string,
      instance: PlatformInstanceRef,
      body: Record<string, unknown>,
      options: ConfigWriteOptions = {},
      opts?: RequestOptions,
    ): Promise<ConfigWriteResult> =>
      request(
        {
          method,
          path: instancePath(applicationId, instance, "/config"),
          query: writeQuery(options),
          headers: options.ifMatch ? { "if-match": options.ifMatch } : undefined,
          body: withoutVersion(body),
          schema: ConfigWriteResultSchema,
        },
        // A conditional write that timed out may have been saved: sent again, it would meet its own
        // new version and fail 409. Not repeating it leaves the caller to read and decide.
        { ...(options.ifMatch ? { idempotent: false } : {}), ...opts },
      );

  return {
    get: (
      applicationId: string,
      instance: PlatformInstanceRef,
      options: ConfigReadOptions = {},
      opts?: RequestOptions,
    ): Promise<ConfigDocument> =>
      request(
        {
          method: "GET",
          path: instancePath(applicationId, instance, "/config"),
          query: keysQuery(options.keys),
          schema: ConfigDocumentSchema,
        },
        opts,
      ),
    /** Deep merge: objects merge, arrays and primitives replace; keys not sent are kept. */
    patch: write("PATCH"),
    /** Replaces the whole document: every key must be present (Clerk answers 400 naming the missing ones). */
    put: write("PUT"),
    schema: (
      applicationId: string,
      instance: PlatformInstanceRef,
      options: ConfigReadOptions = {},
      opts?: RequestOptions,
    ): Promise<Record<string, unknown>> =>
      request(
        {
          method: "GET",
          path: instancePath(applicationId, instance, "/config/schema"),
          query: keysQuery(options.keys),
          schema: ConfigSchemaSchema,
        },
        opts,
      ),
  };
}

/** `config_version` is read-only: Clerk's own CLI strips it before writing, and so does this client. */
function withoutVersion(body: Record<string, unknown>): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new TypeError("pulumi-clerk: a configuration write takes an object of top-level keys");
  }
  if (!("config_version" in body)) return body;
  const { config_version: _ignored, ...rest } = body;
  return rest;
}
