import { describe, expect, it } from "vitest";
import {
  apiUrlProblem,
  ClientHolder,
  parseRequestTimeout,
  resolveSettings,
} from "../../../provider/runtime/settings";

const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });

describe("settings", () => {
  it("prefers stack config over the environment", () => {
    const s = resolveSettings(
      config({ "clerk:secretKey": "sk_test_fromconfig", "clerk:apiUrl": "http://x/v1" }),
      {
        CLERK_SECRET_KEY: "sk_test_fromenv",
        CLERK_API_URL: "http://y/v1",
      },
    );
    expect(s).toEqual({
      secretKey: "sk_test_fromconfig",
      apiUrl: "http://x/v1",
      apiVersion: undefined,
      requestTimeoutMs: undefined,
    });
  });

  it("falls back to the environment, treating empty config as unset", () => {
    const s = resolveSettings(config({ "clerk:secretKey": " " }), {
      CLERK_SECRET_KEY: "sk_test_env",
      CLERK_API_VERSION: "2025-04-10",
      CLERK_REQUEST_TIMEOUT_MS: "2500",
    });
    expect(s).toEqual({
      secretKey: "sk_test_env",
      apiUrl: undefined,
      apiVersion: "2025-04-10",
      requestTimeoutMs: "2500",
    });
  });

  it("fails at first use, naming both ways to set the key", () => {
    const holder = new ClientHolder({});
    expect(() => holder.get()).toThrow(/pulumi config set --secret clerk:secretKey.*CLERK_SECRET_KEY/);
  });
});

describe("ClientHolder", () => {
  it("keeps one client across identical configure calls (one per resource type), and rebuilds on change", () => {
    const holder = new ClientHolder({});
    const settings = { secretKey: "sk_test_a", apiUrl: "http://127.0.0.1:1/v1" };
    holder.configure({ ...settings });
    const first = holder.get();
    holder.configure({ ...settings });
    expect(holder.get()).toBe(first);
    holder.configure({ ...settings, secretKey: "sk_test_b" });
    expect(holder.get()).not.toBe(first);
  });
});

describe("clerk:apiUrl", () => {
  it.each([
    ["https://api.clerk.com/v1", undefined],
    ["https://api.clerk.com/v1/", undefined],
    ["http://127.0.0.1:43117/v1", undefined],
    ["http://localhost:8080/v1", undefined],
    ["http://[::1]:8080/v1", undefined],
    ["api.clerk.com/v1", /not a URL/],
    ["https://api.clerk.com", /does not end in \/v1/],
    ["https://api.clerk.com/v2", /does not end in \/v1/],
    ["http://api.clerk.com/v1", /plain http to another machine/],
    ["http://10.0.0.5/v1", /plain http to another machine/],
    ["ftp://api.clerk.com/v1", /uses ftp:/],
    ["https://api.clerk.com/v1?x=1", /query/],
  ])("%s", (url, problem) => {
    const found = apiUrlProblem(url);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });

  it("a bad URL fails at first use, before any request, naming the setting and the fix; the key is not in it", () => {
    const holder = new ClientHolder({
      secretKey: "sk_test_secretvalue",
      apiUrl: "http://clerk.example.com/v1",
    });
    let message = "";
    try {
      holder.get();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/clerk:apiUrl \(or CLERK_API_URL\) "http:\/\/clerk.example.com\/v1"/);
    expect(message).toMatch(/https:\/\/api.clerk.com\/v1/);
    expect(message).not.toContain("sk_test_secretvalue");
  });
});

describe("clerk:requestTimeoutMs", () => {
  it.each([
    ["2500", 2500],
    ["1", 1],
    ["600000", 600_000],
    ["0", undefined],
    ["600001", undefined],
    ["2.5", undefined],
    ["30s", undefined],
    ["-1", undefined],
  ])("%s", (value, ms) => {
    expect(parseRequestTimeout(value)).toBe(ms);
  });

  it("a bad timeout fails at first use, before any request, naming the setting and the default", () => {
    const holder = new ClientHolder({ secretKey: "sk_test_secretvalue", requestTimeoutMs: "30s" });
    expect(() => holder.get()).toThrow(
      /clerk:requestTimeoutMs \(or CLERK_REQUEST_TIMEOUT_MS\) "30s" is not a whole number .*30000/,
    );
  });
});
