import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS, CONFIG_SCHEMA } from "../../../emulator/platform/config-schema";
import { freshConfigState } from "../../../emulator/platform/config-state";
import { defaultOf, type JsonSchema, validate, withDefaults } from "../../../emulator/platform/json-schema";
import { suggestions } from "../../../emulator/platform/suggest";

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
type Json = any;

// The emulator validates configuration writes with its own small validator (the emulator ships in the
// package, ajv does not). ajv, the reference implementation, must agree with it on the schema it serves.

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addKeyword("x-clerk-sensitive");
const reference = ajv.compile(CONFIG_SCHEMA);
const defaults = () => defaultOf(CONFIG_SCHEMA as JsonSchema) as Record<string, unknown>;

describe("the configuration schema", () => {
  it("is a valid JSON Schema 2020-12 document whose defaults make a valid document", () => {
    expect(ajv.validateSchema(CONFIG_SCHEMA)).toBe(true);
    const doc = defaults();
    expect(Object.keys(doc)).toEqual([...CONFIG_KEYS]);
    expect(reference(doc)).toBe(true);
    expect(validate(CONFIG_SCHEMA, doc)).toEqual([]);
    expect(freshConfigState().version).toMatch(/^v1_[0-9a-f]{8}$/);
  });

  const mutations: Array<[string, (d: Record<string, Json>) => void]> = [
    ["unknown top-level key", (d) => (d.sign_up = {})],
    ["missing key", (d) => delete d.paths],
    ["unknown nested field", (d) => (d.auth_phone.used_for_signin = true)],
    ["string for integer", (d) => (d.auth_password.min_length = "8")],
    ["float for integer", (d) => (d.auth_password.min_length = 8.5)],
    ["below minimum", (d) => (d.auth_password.min_length = 7)],
    ["above maximum", (d) => (d.auth_password.max_length = 73)],
    ["enum item", (d) => (d.auth_email.sign_in_strategies = ["email_code", "magic"])],
    ["enum value", (d) => (d.auth_access_control.sign_up_mode = "closed")],
    ["pattern", (d) => (d.paths.home = "home")],
    ["empty string allowed by pattern", (d) => (d.paths.waitlist = "")],
    ["map slug", (d) => (d.billing.plans["Pro Plan"] = { name: "x" })],
    ["map entry required", (d) => (d.billing.features.seats = { description: "" })],
    ["map entry valid", (d) => (d.billing.features.seats = { name: "Seats" })],
    ["nullable key", (d) => (d.session = null)],
    ["non-nullable key null", (d) => (d.auth_email = null)],
    ["minLength", (d) => (d.connections_oauth_custom.acme = { name: "" })],
    [
      "free-form claims",
      (d) => (d.session = { claims: { deep: { any: [1, null] } }, lifetime: 60, allowed_clock_skew: 5 }),
    ],
    ["open creation defaults", (d) => (d.organization_settings.organization_creation_defaults.future = 1)],
    ["array for object", (d) => (d.user_model = [])],
  ];
  for (const [what, mutate] of mutations) {
    it(`agrees with ajv: ${what}`, () => {
      const doc = structuredClone(defaults()) as Record<string, Json>;
      mutate(doc);
      expect(validate(CONFIG_SCHEMA, doc).length === 0).toBe(reference(doc));
    });
  }

  it("names the failing field and the schema keyword", () => {
    const doc = defaults() as Record<string, Json>;
    doc.session = { lifetime: 1 };
    const issues = validate(CONFIG_SCHEMA, withDefaults(CONFIG_SCHEMA, doc));
    expect(issues).toEqual([
      {
        path: ["session", "lifetime"],
        keyword: "minimum",
        schemaPath: "#/properties/session/properties/lifetime/minimum",
        message: "must be at least 30",
      },
    ]);
  });

  it("suggests the nearest known names only", () => {
    expect(suggestions("auth_pasword", CONFIG_KEYS)).toEqual(["auth_password"]);
    expect(suggestions("sesion", CONFIG_KEYS)).toEqual(["session"]);
    expect(suggestions("totally_else", CONFIG_KEYS)).toEqual([]);
  });
});
