/**
 * Combining domains into one method map (the contract, the handlers), as Actual Budget's `app.combine`
 * does: a method name defined by two domains is refused when they are combined, at load, rather than
 * one silently replacing the other.
 */
import { apiMessages } from '../../core/messages/api.ts';
import { AppError } from '../errors.ts';

type Intersection<U> = (U extends unknown ? (whole: U) => void : never) extends (whole: infer I) => void ? I : never;
/** The domains' methods as one object type (each domain's names are its own, so nothing overlaps). */
export type Combined<D extends Record<string, object>> = { [K in keyof Intersection<D[keyof D]>]: Intersection<D[keyof D]>[K] };

/** The domains' methods in one object; throws naming both domains when a name is defined twice. */
export function combineDomains<D extends Record<string, object>>(what: string, domains: D): Combined<D> {
  const combined: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  for (const [domain, methods] of Object.entries(domains)) {
    for (const [name, value] of Object.entries(methods)) {
      const first = owner.get(name);
      if (first !== undefined) throw new AppError('internal', apiMessages.methodTwice({ what, name, domains: [first, domain] }));
      owner.set(name, domain);
      combined[name] = value;
    }
  }
  return combined as Combined<D>;
}
