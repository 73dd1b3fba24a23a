import type { StaffUser } from './api-types';

export interface Session {
  token: string;
  user: StaffUser;
}

export interface SessionStore {
  read(): Session | null;
  write(session: Session): void;
  updateUser(user: StaffUser): void;
  clear(): void;
  token(): string | null;
}

const KEY = 'ivm.session';

/**
 * The staff session lives in sessionStorage: it ends with the browser tab, so a shared front-desk
 * computer does not keep the last person signed in, and each tab may hold its own login.
 */
export function createSessionStore(given?: Storage): SessionStore {
  // Looked up on use, so importing this module needs no browser (the provider tests run in node).
  const storage = () => given ?? window.sessionStorage;
  const read = (): Session | null => {
    try {
      const raw = storage().getItem(KEY);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<Session>;
      return typeof parsed.token === 'string' && parsed.user ? (parsed as Session) : null;
    } catch {
      return null;
    }
  };
  return {
    read,
    write: (session) => storage().setItem(KEY, JSON.stringify(session)),
    updateUser: (user) => {
      const current = read();
      if (current) storage().setItem(KEY, JSON.stringify({ ...current, user }));
    },
    clear: () => storage().removeItem(KEY),
    token: () => read()?.token ?? null,
  };
}

export const sessionStore = createSessionStore();
