import type { SignatureProfile } from '@magekit/oauth1';

/** Remembers which signature profile each store accepts (keyed by store base URL). */
export interface ProfileStore {
  get(store: string): SignatureProfile | undefined | Promise<SignatureProfile | undefined>;
  set(store: string, profile: SignatureProfile): void | Promise<void>;
}

/** A {@link ProfileStore} in memory (the default; persist it in the app's database instead). */
export function createMemoryProfileStore(
  initial: Readonly<Record<string, SignatureProfile>> = {},
): ProfileStore & { entries(): Record<string, SignatureProfile> } {
  const profiles = new Map(Object.entries(initial));
  return {
    get: (store) => profiles.get(store),
    set: (store, profile) => void profiles.set(store, profile),
    entries: () => Object.fromEntries(profiles),
  };
}

/** The other profile: `latest` (2.4.7+) ↔ `laminas` (2.4.4–2.4.6). */
export function otherProfile(profile: SignatureProfile): SignatureProfile {
  return profile === 'latest' ? 'laminas' : 'latest';
}
