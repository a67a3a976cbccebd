import { describe, expect, it } from "vitest";
import { writeOrConfirm } from "../../../provider/runtime/confirm";
import { ClerkApiError, ClerkNetworkError } from "../../../sdk";

const lost = () =>
  new ClerkNetworkError({ kind: "reset", mayHaveReachedServer: true, method: "POST", path: "/x" });
const refused = () =>
  new ClerkApiError({ status: 422, method: "POST", path: "/x", headers: {}, rawBody: "" });

/** A write that fails with the given errors in turn, then answers "written"; counts its calls. */
function flaky(...errors: Error[]) {
  let calls = 0;
  const write = async () => {
    const e = errors[calls++];
    if (e) throw e;
    return "written";
  };
  return { write, calls: () => calls };
}

describe("writeOrConfirm", () => {
  it("a lost answer that Clerk acted on: the confirmation is the result, the write is not repeated", async () => {
    const w = flaky(lost());
    await expect(writeOrConfirm(w.write, async () => "confirmed")).resolves.toBe("confirmed");
    expect(w.calls()).toBe(1);
  });

  it("a lost answer that Clerk did not act on: the write runs once more", async () => {
    const w = flaky(lost());
    await expect(writeOrConfirm(w.write, async () => undefined)).resolves.toBe("written");
    expect(w.calls()).toBe(2);
  });

  it("a second lost answer is the failure: no endless repeats", async () => {
    const w = flaky(lost(), lost());
    await expect(writeOrConfirm(w.write, async () => undefined)).rejects.toBeInstanceOf(ClerkNetworkError);
    expect(w.calls()).toBe(2);
  });

  it("Clerk's refusal is final: no lookup, no repeat", async () => {
    const w = flaky(refused());
    let looked = false;
    const confirm = async () => {
      looked = true;
      return "confirmed";
    };
    await expect(writeOrConfirm(w.write, confirm)).rejects.toBeInstanceOf(ClerkApiError);
    expect(looked).toBe(false);
    expect(w.calls()).toBe(1);
  });
});
