import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { SDK_VERSION } from "../../../sdk/version";

it("the User-Agent version matches package.json", () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, "../../../package.json"), "utf8")) as {
    version: string;
  };
  expect(SDK_VERSION).toBe(pkg.version);
});
