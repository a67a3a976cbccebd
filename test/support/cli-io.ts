import type { Io } from "../../cli";

/** An `Io` for the CLI's entry points that keeps what they write, for the test to read from `out`. */
export function capturedIo(
  env: NodeJS.ProcessEnv,
  cwd: string,
): { out: { stdout: string; stderr: string }; io: Io } {
  const out = { stdout: "", stderr: "" };
  const append = (k: "stdout" | "stderr") => (t: string) => {
    out[k] += t;
  };
  return { out, io: { stdout: append("stdout"), stderr: append("stderr"), env, cwd } };
}
