import { describe, expect, it } from "vitest";
import { ClientHolder, resolveSettings } from "../../../provider/runtime/settings";

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
    expect(s).toEqual({ secretKey: "sk_test_fromconfig", apiUrl: "http://x/v1", apiVersion: undefined });
  });

  it("falls back to the environment, treating empty config as unset", () => {
    const s = resolveSettings(config({ "clerk:secretKey": " " }), {
      CLERK_SECRET_KEY: "sk_test_env",
      CLERK_API_VERSION: "2025-04-10",
    });
    expect(s).toEqual({ secretKey: "sk_test_env", apiUrl: undefined, apiVersion: "2025-04-10" });
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
