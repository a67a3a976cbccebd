// Proof that the real Pulumi engine runs our kind of dynamic resource end to end: a throwaway provider
// (test/e2e/fixtures/proof-provider) whose serialized object captures only a type name, configured
// through `configure(req)` from stack config, against a tiny HTTP API that counts requests.
// Order as in Pulumi's own dynamic-provider tests: up, empty preview, out-of-band change, refresh, up,
// change, replace, bad input, destroy.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStack, REPO_ROOT, type TestStack } from "./harness/index";

interface Thing {
  id: string;
  name: string;
  value: string;
  revision: number;
}

interface Logged {
  method: string;
  path: string;
  authorization: string | undefined;
}

/** The "things" API the proof provider talks to; `log` lets the test count requests. */
function startThingsApi(): Promise<{
  url: string;
  things: Map<string, Thing>;
  log: Logged[];
  server: Server;
}> {
  const things = new Map<string, Thing>();
  const log: Logged[] = [];
  let next = 1;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      log.push({ method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization });
      const send = (status: number, value?: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(value === undefined ? "" : JSON.stringify(value));
      };
      if (req.headers.authorization !== `Bearer ${secretKey}`) return send(401, { error: "bad key" });
      const m = /^\/things(?:\/([^/]+))?$/.exec(req.url ?? "");
      if (!m) return send(404, { error: "no route" });
      const id = m[1];
      const input = body ? (JSON.parse(body) as Partial<Thing>) : {};
      if (!id && req.method === "POST") {
        const thing = {
          id: `thing_${next++}`,
          name: input.name ?? "",
          value: input.value ?? "",
          revision: 1,
        };
        things.set(thing.id, thing);
        return send(200, thing);
      }
      const thing = id ? things.get(id) : undefined;
      if (!thing) return send(404, { error: "not found" });
      if (req.method === "GET") return send(200, thing);
      if (req.method === "PATCH") {
        Object.assign(thing, { value: input.value ?? thing.value, revision: thing.revision + 1 });
        return send(200, thing);
      }
      if (req.method === "DELETE") {
        things.delete(thing.id);
        return send(204);
      }
      return send(405, { error: "method" });
    });
  });
  return new Promise((res) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      res({ url: `http://127.0.0.1:${port}`, things, log, server });
    }),
  );
}

const secretKey = `sk_test_proof_${randomBytes(12).toString("hex")}`;

describe("engine proof: a dynamic resource under the real Pulumi engine", () => {
  let api: Awaited<ReturnType<typeof startThingsApi>>;
  let stack: TestStack;

  beforeAll(async () => {
    api = await startThingsApi();
    stack = await createTestStack({
      name: "proof",
      program: "fixtures/proof-program.cjs",
      apiUrl: api.url,
      secretKey,
      packages: { "proof-provider": "fixtures/proof-provider" },
      params: { things: [{ key: "alpha", value: "one" }] },
    });
  });

  afterAll(async () => {
    await stack?.cleanup();
    api?.server.close();
  });

  it("up creates the resource; configure received the decrypted secret key", async () => {
    const up = await stack.up();
    // The engine counts the Stack resource too.
    expect(up.summary).toMatchObject({ create: 2, update: 0, delete: 0, replace: 0, same: 0 });
    expect(up.steps.filter((s) => s.type === "pulumi-nodejs:dynamic/proof:Thing").map((s) => s.op)).toEqual([
      "create",
    ]);
    expect(api.log.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /things"]);
    expect(api.log[0]?.authorization).toBe(`Bearer ${secretKey}`);
    const [thing] = [...api.things.values()];
    expect(up.outputs.alpha).toEqual({ id: thing?.id, value: "one", revision: 1 });
  });

  it("preview of the unchanged stack shows no changes and sends no request", async () => {
    const before = api.log.length;
    const preview = await stack.preview({ options: { expectNoChanges: true } });
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0, same: 2 });
    expect(api.log.length).toBe(before);
  });

  it("state holds no plaintext key and a small __provider", async () => {
    const state = await stack.exportState();
    expect(state.text).not.toContain(secretKey);
    expect(state.text).not.toContain(secretKey.slice(-12));
    const res = state.resources.find((r) => r.type === "pulumi-nodejs:dynamic/proof:Thing");
    const provider = res?.inputs?.__provider;
    expect(typeof provider).toBe("string");
    expect(res?.outputs?.__provider).toBe(provider);
    const bytes = Buffer.byteLength(provider as string);
    console.log(`__provider: ${bytes} bytes (stored twice per resource)`);
    expect(bytes).toBeLessThan(1024);
    // Stored by reference: the code stays in the package, and no absolute path enters the state.
    expect(provider).toContain('require("proof-provider/thing.js")');
    expect(provider).not.toContain(REPO_ROOT);
  });

  it("refresh finds an out-of-band change; the next preview and up put it back", async () => {
    const [thing] = [...api.things.values()];
    thing!.value = "changed by hand";
    const refresh = await stack.refresh();
    expect(refresh.summary).toMatchObject({ update: 1, same: 1 });
    expect(api.log.at(-1)).toMatchObject({ method: "GET", path: `/things/${thing!.id}` });

    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ update: 1, same: 1 });
    const up = await stack.up();
    expect(up.summary).toMatchObject({ update: 1, same: 1 });
    expect(thing!.value).toBe("one");
  });

  it("a changed input updates, a changed name replaces", async () => {
    const up = await stack.up({ params: { things: [{ key: "alpha", value: "two" }] } });
    expect(up.summary).toMatchObject({ update: 1, same: 1, create: 0 });
    expect(up.outputs.alpha).toMatchObject({ value: "two" });

    const replaced = await stack.up({
      params: { things: [{ key: "alpha", name: "alpha-2", value: "two" }] },
    });
    expect(replaced.summary).toMatchObject({ replace: 1, same: 1 });
    expect([...api.things.values()].map((t) => t.name)).toEqual(["alpha-2"]);
  });

  it("bad input fails at preview with the provider's message and sends no request", async () => {
    const before = api.log.length;
    const bad = await stack.attempt("preview", {
      params: { things: [{ key: "alpha", name: "", value: "x" }] },
    });
    expect(bad.ok).toBe(false);
    expect(bad.ok === false && bad.message).toContain("name must be a non-empty string");
    expect(api.log.length).toBe(before);
  });

  it("destroy deletes everything", async () => {
    const destroy = await stack.destroy();
    expect(destroy.summary).toMatchObject({ delete: 2 });
    expect(api.things.size).toBe(0);
    const state = await stack.exportState();
    expect(state.resources).toEqual([]);
  });
});

// The other way to build the provider object: methods that each require the runtime by name. It works
// the same under the engine, and costs more state; measured here so the choice stays an informed one.
describe("engine proof: a provider object of require-by-name methods", () => {
  it("up, preview, destroy; __provider measured", async () => {
    const api = await startThingsApi();
    const stack = await createTestStack({
      name: "proof-methods",
      program: "fixtures/proof-program.cjs",
      apiUrl: api.url,
      secretKey,
      packages: { "proof-provider": "fixtures/proof-provider" },
      params: { style: "methods", things: [{ key: "beta", value: "one" }] },
    });
    try {
      expect((await stack.up()).summary).toMatchObject({ create: 2 });
      expect((await stack.preview()).summary).toMatchObject({ same: 2, update: 0, create: 0 });
      const state = await stack.exportState();
      expect(state.text).not.toContain(secretKey);
      const provider = state.resources.find((r) => r.type === "pulumi-nodejs:dynamic/proof:Thing")?.inputs
        ?.__provider as string;
      console.log(`__provider (methods): ${Buffer.byteLength(provider)} bytes`);
      expect(provider).not.toContain(REPO_ROOT);
      expect((await stack.destroy()).summary).toMatchObject({ delete: 2 });
      expect(api.things.size).toBe(0);
    } finally {
      await stack.cleanup();
      api.server.close();
    }
  });
});
