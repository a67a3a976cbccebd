import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { api, KEY, useEmulator } from "../../support/emulator";

const emulator = useEmulator();

/** Sends bytes as-is (no client-side URL normalisation) and returns the status line, or "closed". */
function rawRequest(emu: Emulator, text: string): Promise<string> {
  return new Promise((resolve) => {
    const sock = connect(emu.port, "127.0.0.1");
    let data = "";
    sock.setTimeout(5000, () => sock.destroy());
    sock.on("data", (d) => {
      data += d.toString("latin1");
    });
    sock.on("close", () => resolve(data.split("\r\n")[0] || "closed"));
    sock.on("error", () => undefined);
    sock.write(text);
  });
}

const auth = { authorization: `Bearer ${KEY}` };

describe("robustness", () => {
  it("answers a batch of malformed and hostile requests with Clerk errors, changing nothing", async () => {
    const emu = emulator();
    await api(emu, "POST", "/allowlist_identifiers", { identifier: "keep@example.com" });
    await api(emu, "POST", "/jwt_templates", { name: "keep", claims: { a: 1 } });
    const before = emu.store.snapshot();

    const post = (path: string, body: string, contentType = "application/json") =>
      fetch(emu.url + path, { method: "POST", headers: { ...auth, "content-type": contentType }, body });
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const hostile: Array<[string, () => Promise<Response>]> = [
      ["malformed JSON", () => post("/allowlist_identifiers", '{"identifier": "a@b.co",')],
      ["JSON array", () => post("/allowlist_identifiers", '[{"identifier":"a@b.co"}]')],
      ["JSON null", () => post("/jwt_templates", "null")],
      ["JSON string", () => post("/redirect_urls", '"https://x.example.com"')],
      ["deep nesting", () => post("/jwt_templates", `{"name":"deep","claims":{"x":${deep}}, "oops"}`)],
      [
        "huge body",
        () =>
          post(
            "/jwt_templates",
            JSON.stringify({ name: "huge", claims: { x: "y".repeat(2 * 1024 * 1024) } }),
          ),
      ],
      [
        "form encoded",
        () => post("/allowlist_identifiers", "identifier=a%40b.co", "application/x-www-form-urlencoded"),
      ],
      ["text/plain", () => post("/redirect_urls", '{"url":"https://x.example.com"}', "text/plain")],
      [
        "proto pollution",
        () => post("/allowlist_identifiers", '{"identifier":"p@example.com","__proto__":{"admin":true}}'),
      ],
      [
        "constructor key",
        () =>
          post(
            "/blocklist_identifiers",
            '{"identifier":"p@example.com","constructor":{"prototype":{"x":1}}}',
          ),
      ],
      ["wrong types", () => post("/jwt_templates", '{"name":["keep"],"claims":"a","lifetime":"60"}')],
      ["float lifetime", () => post("/jwt_templates", '{"name":"f","claims":{},"lifetime":60.5}')],
      ["duplicate name", () => post("/jwt_templates", '{"name":"keep","claims":{}}')],
      ["invalid email", () => post("/allowlist_identifiers", '{"identifier":"<script>@@"}')],
      ["javascript URL", () => post("/redirect_urls", '{"url":"javascript:alert(1)"}')],
      ["NUL bytes", () => post("/redirect_urls", '{"url":"https://x.example.com/\\u0000"}')],
      [
        "bad scheme domain",
        () => post("/domains", '{"name":"https://evil.example.com/x","is_satellite":true}'),
      ],
      ["primary domain", () => post("/domains", '{"name":"new-primary.example.com","is_satellite":false}')],
      [
        "unknown id",
        () => fetch(`${emu.url}/jwt_templates/jtmp_doesnotexist`, { method: "DELETE", headers: auth }),
      ],
      ["bad percent-encoding", () => fetch(`${emu.url}/redirect_urls/%E0%A4%A`, { headers: auth })],
      ["very long path", () => fetch(`${emu.url}/redirect_urls/${"a".repeat(8000)}`, { headers: auth })],
      ["bad limit", () => fetch(`${emu.url}/redirect_urls?paginated=true&limit=-1`, { headers: auth })],
      ["bad paginated", () => fetch(`${emu.url}/allowlist_identifiers?paginated=maybe`, { headers: auth })],
      [
        "no auth write",
        () =>
          fetch(`${emu.url}/allowlist_identifiers`, {
            method: "POST",
            body: '{"identifier":"x@example.com"}',
          }),
      ],
      ["HEAD", () => fetch(`${emu.url}/jwt_templates`, { method: "HEAD", headers: auth })],
      ["OPTIONS", () => fetch(`${emu.url}/jwt_templates`, { method: "OPTIONS", headers: auth })],
      ["bad admin route", () => fetch(`${emu.origin}/__emulator/nope`, { method: "POST" })],
      ["bad admin config", () => fetch(`${emu.origin}/__emulator/config`, { method: "PUT", body: "{nope" })],
    ];
    for (const [name, send] of hostile) {
      const res = await send().catch((e: Error) => {
        throw new Error(`${name}: ${e.message} ${String((e.cause as Error)?.message)}`);
      });
      const text = await res.text();
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      if (res.status < 500 && name !== "HEAD") {
        expect(JSON.parse(text).errors[0].code, name).toEqual(expect.any(String));
      }
    }

    const raw = [
      "GARBAGE\r\n\r\n",
      "GET /v1/../__emulator/reset HTTP/1.1\r\nHost: x\r\n\r\n",
      `POST /v1/allowlist_identifiers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"identifier":"short@example.com"}`,
      `POST /v1/allowlist_identifiers HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n`,
      `GET /v1/jwt_templates HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\nX-Big: ${"h".repeat(20_000)}\r\n\r\n`,
    ];
    for (const r of raw) {
      const status = await rawRequest(emu, r);
      expect(status).not.toMatch(/ 2\d\d /);
    }

    expect(emu.store.snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    const still = await api(emu, "GET", "/allowlist_identifiers");
    expect(still.status).toBe(200);
    expect(still.body.map((a: { identifier: string }) => a.identifier)).toEqual(["keep@example.com"]);
  });
});
