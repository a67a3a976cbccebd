import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec, matchOperation, repoRoot, specKindOf, specPath, validateExchange } from "./openapi";

// The Platform API's exchanges are held to the Platform API's own spec (vendored beside the BAPI one),
// so /v1/platform/… traffic of the sdk and the emulator is checked, not waved through.

const CONFIG = "/v1/platform/applications/app_1/instances/development/config";

describe("the Platform API spec in the contract tier", () => {
  it("is the vendored copy and owns /platform paths", () => {
    if (process.env.CLERK_PLATFORM_OPENAPI_SPEC === undefined) {
      expect(specPath("platform")).toBe(
        resolve(repoRoot(), "spec/clerk-openapi/platform-beta-2026-08-14.yml"),
      );
    }
    expect(
      loadSpec("platform").paths["/platform/applications/{applicationID}/instances/{envOrInsID}/config"],
    ).toBeDefined();
    expect(specKindOf(CONFIG)).toBe("platform");
    expect(specKindOf("/v1/instance")).toBe("bapi");
    const m = matchOperation("PATCH", CONFIG);
    expect("operation" in m && m.operation.operationId).toBe("PlatformPatchConfig");
  });

  it("accepts exchanges that follow it", () => {
    const ok = validateExchange({
      method: "PATCH",
      path: `${CONFIG}?dry_run=true&keys=session&keys=auth_email`,
      status: 200,
      requestBody: { session: null },
      responseBody: { config_version: "v1_12345678", dry_run: true, before: {}, after: {} },
    });
    expect(ok.operationId).toBe("PlatformPatchConfig");
    expect(ok.problems).toEqual([]);
    const apps = validateExchange({
      method: "GET",
      path: "/v1/platform/applications?include_secret_keys=true",
      status: 200,
      responseBody: [
        {
          application_id: "app_1",
          name: "A",
          instances: [{ instance_id: "ins_1", environment_type: "development" }],
        },
      ],
    });
    expect(apps.problems).toEqual([]);
  });

  it("flags answers and requests that do not", () => {
    const badVersion = validateExchange({
      method: "GET",
      path: CONFIG,
      status: 200,
      responseBody: { config_version: 7 },
    });
    expect(badVersion.responseProblems.join("\n")).toMatch(/config_version/);
    const badFlag = validateExchange({
      method: "PATCH",
      path: `${CONFIG}?dry_run=maybe`,
      status: 200,
      requestBody: {},
      responseBody: { config_version: "v1_12345678", dry_run: false, before: {}, after: {} },
    });
    expect(badFlag.requestProblems.join("\n")).toMatch(/dry_run/);
    const extraField = validateExchange({
      method: "GET",
      path: "/v1/platform/applications",
      status: 200,
      responseBody: [
        {
          application_id: "a",
          name: "A",
          instances: [{ instance_id: "i", environment_type: "staging", extra: 1 }],
        },
      ],
    });
    expect(extraField.responseProblems.length).toBeGreaterThanOrEqual(2);
    const unknownRoute = validateExchange({
      method: "GET",
      path: "/v1/platform/nope",
      status: 200,
      responseBody: {},
    });
    expect(unknownRoute.responseProblems.join("\n")).toMatch(/no spec path/);
  });
});
