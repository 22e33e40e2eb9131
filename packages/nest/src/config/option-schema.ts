import { z } from 'zod';

/**
 * Building blocks of the option schemas (module options, key ring, store URLs). Every message is a
 * phrase that follows the option path: `listOptionProblems` turns an issue at
 * `['probe', 'timeoutMs']` with the message `must be an integer >= 1` into
 * `probe.timeoutMs must be an integer >= 1`.
 */

/** An integer of at least `min`; anything else (another type, NaN, a fraction) gets the one `message`. */
export function integer(min: number, message = `must be an integer >= ${min}`) {
  return z.number({ message }).refine((value) => Number.isInteger(value) && value >= min, message);
}

/** A nested group of options; anything but an object is refused with `message`. */
export function group<Shape extends z.ZodRawShape>(shape: Shape, message = 'must be an object') {
  return z.object(shape, { message });
}

/**
 * One string entry of a list. `check` returns the problem of a bad entry, naming it (it follows
 * the list's path and a colon: `tenants: "a b" must be …`), or null.
 */
export function listEntry(check: (entry: string) => string | null) {
  return z
    .string({ errorMap: (_issue, ctx) => ({ message: `${quote(ctx.data)} is not a string` }) })
    .superRefine((entry, ctx) => {
      const problem = check(entry);
      if (problem !== null) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    });
}

/** A value as a problem quotes it: JSON, so that spaces and empty strings show. */
export function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * One line per issue: the option path, then the message (`storeUrl.dnsTimeoutMs must be a positive
 * integer`). A problem with an entry of a list names the list, a colon and the entry
 * (`storeUrl.allowedNetworks: "nope" is not an IPv4/IPv6 address or CIDR`). `root` names the
 * value itself when an issue has no path.
 */
export function listOptionProblems(error: z.ZodError, root = 'options'): string[] {
  return error.issues.map(({ path, message }) => {
    const entry = typeof path[path.length - 1] === 'number';
    const label = (entry ? path.slice(0, -1) : path).join('.');
    return entry ? `${label}: ${message}` : `${path.length === 0 ? root : label} ${message}`;
  });
}
