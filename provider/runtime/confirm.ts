import { mayHaveCreated } from "./failures";

/**
 * A write the sdk must not repeat blindly (a POST whose repeat is refused or acts twice) after its answer
 * was lost: `confirm` asks Clerk whether it took effect and returns what the write would have answered,
 * or undefined when it did not, and then the write runs once more. Without this, one dropped connection
 * fails the whole step although Clerk did what was asked, and the user's next `up` stumbles on it.
 */
export async function writeOrConfirm<T>(
  write: () => Promise<T>,
  confirm: () => Promise<T | undefined>,
): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (!mayHaveCreated(e)) throw e;
    const done = await confirm();
    if (done !== undefined) return done;
    return write();
  }
}
