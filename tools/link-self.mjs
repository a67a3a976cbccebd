// Links node_modules/pulumi-clerk to this repository. Pulumi runs a dynamic provider in a separate
// process that loads our runtime by package name (require("pulumi-clerk/runtime")) relative to the
// program's working directory, so programs inside this repository (examples/, tests) need the package
// to resolve exactly as it would for a user who installed it from npm.
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const link = join(root, "node_modules", "pulumi-clerk");
mkdirSync(dirname(link), { recursive: true });
if (existsSync(link) || lstatSync(link, { throwIfNoEntry: false }))
  rmSync(link, { recursive: false, force: true });
symlinkSync("..", link, "dir");
