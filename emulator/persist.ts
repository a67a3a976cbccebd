import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { StoreSnapshot } from "./types";

/** Loads a state file, or returns undefined when it does not exist yet. A corrupt file is an error. */
export function readStateFile(path: string): StoreSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  const parsed = JSON.parse(text) as Partial<StoreSnapshot>;
  if (parsed?.version !== 1 || typeof parsed.instance_id !== "string") {
    throw new Error(`${path} is not a clerk-emulator state file (version 1)`);
  }
  return parsed as StoreSnapshot;
}

/** Write-then-rename, so a crash mid-write never leaves a half-written state file behind. */
export function writeStateFile(path: string, snapshot: StoreSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(snapshot, null, 2)}\n`);
  renameSync(tmp, path);
}
