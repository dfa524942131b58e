/**
 * Tests assert what was refused by path and code; the words are pinned once, in
 * test/__snapshots__/issue-messages.txt (test/error-messages.test.ts).
 */
import { PolicyInputError } from '../../src/errors.js';

/** The issues of what `call` throws, as `path: code` (a bare code when the path is empty). */
export function codesOf(call: () => unknown): string[] {
  try {
    call();
  } catch (e) {
    if (e instanceof PolicyInputError) return e.issues.map((i) => (i.path ? `${i.path}: ${i.code}` : i.code));
    throw e;
  }
  throw new Error('expected a PolicyInputError, got a result');
}
