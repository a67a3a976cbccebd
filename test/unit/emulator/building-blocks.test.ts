import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCli, parseFaults, parseLatency, parseRateLimit } from "../../../emulator/cli-args";
import { Faults, mulberry32 } from "../../../emulator/faults";
import { readStateFile, writeStateFile } from "../../../emulator/persist";
import { RateLimiter } from "../../../emulator/rate-limit";
import { Router } from "../../../emulator/router";
import { seedSnapshot } from "../../../emulator/seed";
import { Store } from "../../../emulator/store";
import { isOrigin, isUrl } from "../../../emulator/validate";

describe("faults", () => {
  it("mulberry32 repeats its sequence for a seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("decides the same faults for the same seed regardless of which requests were writes", () => {
    const cfg = { seed: 9, rate429: 0.1, rate5xx: 0.1, rateDrop: 0.1, dropAfterCommit: 0.3 };
    const f1 = new Faults(cfg);
    const f2 = new Faults(cfg);
    const kinds1 = Array.from({ length: 200 }, (_, i) => f1.decide(i % 2 === 0).kind);
    const kinds2 = Array.from({ length: 200 }, (_, i) => f2.decide(i % 2 === 0).kind);
    expect(kinds2).toEqual(kinds1);
    expect(new Set(kinds1)).toEqual(new Set(["none", "429", "5xx", "drop", "dropAfterCommit"]));
    // dropAfterCommit only ever hits writes (the even indexes here).
    expect(kinds1.every((k, i) => k !== "dropAfterCommit" || i % 2 === 0)).toBe(true);
    expect(() => new Faults({ seed: 1, rate429: 2 })).toThrow(RangeError);
  });

  it("adds hangs and slow answers without moving the other faults of a seed", () => {
    const base = { seed: 9, rate429: 0.1, rate5xx: 0.1, rateDrop: 0.1, dropAfterCommit: 0.3 };
    const plain = new Faults(base);
    const slow = new Faults({ ...base, rateHang: 0.1, slowAfterCommit: 0.3, hangMs: 1234 });
    const before = Array.from({ length: 300 }, (_, i) => plain.decide(i % 2 === 0));
    const after = Array.from({ length: 300 }, (_, i) => slow.decide(i % 2 === 0));
    const kinds = new Set(after.map((d) => d.kind));
    expect(kinds).toContain("hang");
    expect(kinds).toContain("slowAfterCommit");
    after.forEach((d, i) => {
      const was = before[i]?.kind;
      // Every fault the seed had without them is still there; hangs and slow answers only take the
      // place of a plain answer (or of a dropAfterCommit, which a hang preempts: nothing ran).
      if (was !== "none" && was !== "dropAfterCommit") expect(d.kind).toBe(was);
      if (was === "dropAfterCommit") expect(["dropAfterCommit", "hang"]).toContain(d.kind);
      if (d.kind === "slowAfterCommit") expect(i % 2).toBe(0);
      if (d.kind === "hang" || d.kind === "slowAfterCommit") expect(d.ms).toBe(1234);
    });
    expect(new Faults({ seed: 1, rateHang: 1 }).decide(false)).toEqual({ kind: "hang", ms: 10_000 });
    expect(() => new Faults({ seed: 1, rateHang: 1.5 })).toThrow(RangeError);
    expect(() => new Faults({ seed: 1, hangMs: 600_001 })).toThrow(/hangMs/);
  });
});

describe("rate limiter", () => {
  it("allows N per sliding window and says how long to wait", () => {
    const rl = new RateLimiter({ requests: 2, windowMs: 10_000 });
    expect(rl.take(0)).toBe(0);
    expect(rl.take(1000)).toBe(0);
    expect(rl.take(2000)).toBe(8);
    expect(rl.take(10_001)).toBe(0);
    expect(rl.take(10_002)).toBe(1);
  });
});

describe("cli args", () => {
  it("parses the documented flags", () => {
    expect(parseRateLimit("100/10s")).toEqual({ requests: 100, windowMs: 10_000 });
    expect(parseRateLimit("5/500ms")).toEqual({ requests: 5, windowMs: 500 });
    expect(parseFaults("429=0.2,5xx=0.1,drop=0.05,seed=42")).toEqual({
      seed: 42,
      rate429: 0.2,
      rate5xx: 0.1,
      rateDrop: 0.05,
    });
    expect(parseLatency("50-150")).toEqual({ minMs: 50, maxMs: 150 });
    expect(parseFaults("hang=0.1,slowAfterCommit=0.2,hangMs=5000,seed=3")).toEqual({
      seed: 3,
      rateHang: 0.1,
      slowAfterCommit: 0.2,
      hangMs: 5000,
    });
    expect(() => parseFaults("boom=1")).toThrow(/boom/);
    const o = parseCli([
      "--port",
      "0",
      "--secret-key",
      "sk_test_a",
      "--secret-key",
      "sk_test_b",
      "--platform-api-key",
      "ak_a",
      "--verbose",
    ]);
    expect(o).toMatchObject({
      port: 0,
      secretKeys: ["sk_test_a", "sk_test_b"],
      platformApiKeys: ["ak_a"],
      verbose: true,
    });
    expect(() => parseCli(["--port", "99999"])).toThrow(/port/);
    expect(() => parseCli(["--nope"])).toThrow();
  });
});

describe("router", () => {
  it("matches templates, tells a wrong method from an unknown path", () => {
    const r = new Router().add(
      { method: "GET", path: "/a/{id}", handler: () => ({ status: 200 }) },
      { method: "DELETE", path: "/a/{id}", handler: () => ({ status: 200 }) },
    );
    expect(r.match("GET", "/a/x%20y")).toMatchObject({ kind: "found", params: { id: "x y" } });
    expect(r.match("POST", "/a/1")).toMatchObject({ kind: "wrong-method", allowed: ["GET", "DELETE"] });
    expect(r.match("GET", "/a/1/b")).toEqual({ kind: "none" });
  });
});

describe("store", () => {
  it("hands out copies, notifies once per batch, and round-trips a snapshot", () => {
    const s = new Store();
    let notified = 0;
    s.onChange(() => notified++);
    s.batch(() => {
      s.redirectUrls.insert({ id: "ru_1", url: "https://a.example.com", created_at: 1, updated_at: 1 });
      s.redirectUrls.update("ru_1", { url: "https://b.example.com" });
    });
    expect(notified).toBe(1);
    const got = s.redirectUrls.get("ru_1");
    if (got) got.url = "mutated";
    expect(s.redirectUrls.get("ru_1")?.url).toBe("https://b.example.com");
    const t = new Store(s.snapshot());
    expect(t.snapshot()).toEqual(s.snapshot());
    t.reset();
    expect(t.snapshot()).toMatchObject({ redirectUrls: [], domains: seedSnapshot().domains });
  });

  it("writes the state file atomically (no temp file left) and rejects foreign files", () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-state-"));
    try {
      const file = join(dir, "nested/state.json");
      expect(readStateFile(file)).toBeUndefined();
      writeStateFile(file, seedSnapshot(5));
      expect(readStateFile(file)?.roles[0]?.created_at).toBe(5);
      expect(readdirSync(join(dir, "nested"))).toEqual(["state.json"]);
      writeStateFile(join(dir, "bad.json"), { hello: 1 } as never);
      expect(() => readStateFile(join(dir, "bad.json"))).toThrow(/not a clerk-emulator state file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("URL checks", () => {
  it("accepts web and custom-scheme URLs, refuses script schemes and origins with paths", () => {
    expect(isUrl("https://x.example.com/cb")).toBe(true);
    expect(isUrl("my-app://cb", { customScheme: true })).toBe(true);
    expect(isUrl("my-app://cb")).toBe(false);
    expect(isUrl("javascript:alert(1)", { customScheme: true })).toBe(false);
    expect(isUrl("https://x.example.com/\u0000")).toBe(false);
    expect(isOrigin("https://x.example.com")).toBe(true);
    expect(isOrigin("https://x.example.com/path")).toBe(false);
  });
});
