import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  findLanguageHost,
  LANGUAGE_HOST,
  missingLanguageHostMessage,
  planLanguageHost,
  requireLanguageHost,
} from "../../../tools/engine.mjs";

// How `npm run engine` and the tiers that run project folders decide where Pulumi's Node.js language
// host comes from, on real folders: next to the CLI, on PATH, built from a source folder, or nowhere.
let dir: string;
let cliDir: string;
let engineBin: string;
let elsewhere: string;
let noSource: string;

function executable(file: string, mode = 0o755): void {
  writeFileSync(file, "#!/bin/sh\nexit 0\n");
  chmodSync(file, mode);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pulumi-clerk-langhost-"));
  cliDir = join(dir, "versions", "3.274.1", "bin");
  elsewhere = join(dir, "elsewhere");
  noSource = join(dir, "no-shared", "tools", LANGUAGE_HOST);
  mkdirSync(cliDir, { recursive: true });
  mkdirSync(elsewhere, { recursive: true });
  engineBin = join(cliDir, "pulumi");
  executable(engineBin);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("finding the Node.js language host", () => {
  it("takes the one next to the CLI first, as a regular Pulumi install lays it out", () => {
    executable(join(cliDir, LANGUAGE_HOST));
    executable(join(elsewhere, LANGUAGE_HOST));
    expect(findLanguageHost(engineBin, { PATH: elsewhere })).toEqual({
      bin: join(cliDir, LANGUAGE_HOST),
      source: "next to the CLI",
    });
  });

  it("else one on PATH", () => {
    executable(join(elsewhere, LANGUAGE_HOST));
    expect(findLanguageHost(engineBin, { PATH: `/nonexistent:${elsewhere}` })).toEqual({
      bin: join(elsewhere, LANGUAGE_HOST),
      source: "PATH",
    });
  });

  it("ignores a file that is not executable", () => {
    executable(join(cliDir, LANGUAGE_HOST), 0o644);
    expect(findLanguageHost(engineBin, { PATH: elsewhere })).toBeUndefined();
  });
});

describe("npm run engine's plan for the language host", () => {
  it("reuses an installed one, so a second run builds nothing", () => {
    executable(join(cliDir, LANGUAGE_HOST));
    expect(planLanguageHost(engineBin, { env: { PATH: "" }, sourceDir: noSource })).toMatchObject({
      action: "reuse",
      bin: join(cliDir, LANGUAGE_HOST),
    });
  });

  it("builds it next to the CLI when the source folder is there", () => {
    const source = join(dir, "shared", "tools", LANGUAGE_HOST);
    mkdirSync(source, { recursive: true });
    executable(join(source, "build"));
    expect(planLanguageHost(engineBin, { env: { PATH: "" }, sourceDir: source })).toEqual({
      action: "build",
      script: join(source, "build"),
      into: cliDir,
    });
  });

  it("stops with how to get a regular Pulumi install when there is neither", () => {
    const plan = planLanguageHost(engineBin, { env: { PATH: elsewhere }, sourceDir: noSource });
    expect(plan).toEqual({ action: "missing", message: missingLanguageHostMessage(engineBin) });
  });
});

describe("what a tier that needs the language host says without one", () => {
  it("names the CLI it looked beside, the missing source, and how to install Pulumi", () => {
    const message = missingLanguageHostMessage(engineBin);
    expect(message).toContain(
      `no Pulumi Node.js language host (pulumi-language-nodejs) next to ${engineBin}`,
    );
    expect(message).toContain("shared/tools/pulumi-language-nodejs to build one from");
    expect(message).toContain("curl -fsSL https://get.pulumi.com | sh");
    expect(message).toContain("run `npm run engine` again");
    expect(() => requireLanguageHost(engineBin, { env: { PATH: "" }, sourceDir: noSource })).toThrow(message);
  });

  it("asks for `npm run engine` when the host can be built but was not", () => {
    const source = join(dir, "shared", "tools", LANGUAGE_HOST);
    mkdirSync(source, { recursive: true });
    executable(join(source, "build"));
    expect(() => requireLanguageHost(engineBin, { env: { PATH: "" }, sourceDir: source })).toThrow(
      /run `npm run engine`, which builds it from .*shared\/tools\/pulumi-language-nodejs\/build/,
    );
  });

  it("returns the host when there is one", () => {
    executable(join(cliDir, LANGUAGE_HOST));
    expect(requireLanguageHost(engineBin, { env: { PATH: "" }, sourceDir: noSource }).bin).toBe(
      join(cliDir, LANGUAGE_HOST),
    );
  });
});
