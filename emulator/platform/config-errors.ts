import { ClerkErrorAnswer, type ClerkErrorItem } from "../errors";

// The Platform API's configuration errors. Codes and statuses follow a public catalogue of Clerk's
// error codes (emulator/README.md, "Platform API", lists which are known and which are the emulator's
// choice); `meta.param_name` is the dotted path of the field, e.g. `session.lifetime`.

const item = (
  code: string,
  message: string,
  longMessage: string,
  meta?: Record<string, unknown>,
): ClerkErrorItem => ({
  code,
  message,
  long_message: longMessage,
  ...(meta ? { meta } : {}),
});

export const configErrors = (status: number, items: ClerkErrorItem[]) => new ClerkErrorAnswer(status, items);

export const unknownConfigKey = (paramName: string, suggestions: string[]) =>
  item(
    "unknown_config_key",
    "unknown config key",
    `Unknown config key '${paramName}'${suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `'${s}'`).join(" or ")}?` : "."}`,
    { param_name: paramName, suggestions },
  );

export const configKeyBodyInvalid = (key: string) =>
  item(
    "config_key_body_invalid",
    "invalid config key body",
    `The value for config key '${key}' does not match the expected schema.`,
    { param_name: key },
  );

export const configValidationError = (paramName: string, detail: string, schemaPath?: string) =>
  item("config_validation_error", `Invalid value for ${paramName}`, `${paramName} ${detail}.`, {
    param_name: paramName,
    config_key: paramName.split(".")[0],
    ...(schemaPath ? { schema_path: schemaPath } : {}),
  });

export const destructiveNotAllowed = (paramName: string, what: string) =>
  item(
    "destructive_operation_not_allowed",
    "destructive operation not allowed",
    `Cannot ${what} '${paramName}' without destructive=true.`,
    { param_name: paramName },
  );

export const missingConfigKeys = (keys: string[]) =>
  item(
    "missing_config_keys",
    "Missing config keys",
    `PUT requires all config keys to be included. Missing: ${keys.join(", ")}.`,
    { missing_keys: keys },
  );

export const versionConflict = (current: string, provided: string) =>
  item(
    "config_version_conflict",
    "Config version conflict",
    "Config was modified since last read. Re-fetch and retry.",
    { current_version: current, provided_version: provided },
  );

export const valueInvalid = (paramName: string, detail: string) =>
  item("form_param_value_invalid", "is invalid", `${paramName} ${detail}.`, { param_name: paramName });

export const invalidAuthConfiguration = (paramName: string, detail: string) =>
  item("invalid_auth_configuration", "invalid auth configuration", `${paramName}: ${detail}.`, {
    param_name: paramName,
  });
