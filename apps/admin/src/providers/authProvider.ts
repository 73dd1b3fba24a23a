import type { AuthProvider } from 'react-admin';
import type { LoginResponse, Role, StaffUser } from './api-types';
import { createHttpClient, errorMessage, errorStatus, type HttpClient } from './http-client';
import { realtime as defaultRealtime, type RealtimeConnection } from './realtime';
import { sessionStore as defaultSession, type SessionStore } from './session';

export interface Permissions {
  role: Role;
  queueRoles: Record<string, Role>;
}

export interface AuthProviderOptions {
  apiUrl?: string;
  session?: SessionStore;
  httpClient?: HttpClient;
  realtime?: RealtimeConnection;
  /** How long a checked session is trusted before /api/auth/me is asked again. */
  recheckMs?: number;
}

export const SESSION_ENDED = 'Your session has ended. Sign in again to keep working.';

/** SANDI logins: the API checks the password with SANDI and answers a session token and the user's queues. */
export function createAuthProvider(options: AuthProviderOptions = {}): AuthProvider {
  const apiUrl = options.apiUrl ?? '/api';
  const session = options.session ?? defaultSession;
  const http = options.httpClient ?? createHttpClient({ getToken: () => session.token() });
  const connection = options.realtime ?? defaultRealtime;
  const recheckMs = options.recheckMs ?? 60000;
  let checkedAt = 0;

  const endSession = () => {
    session.clear();
    checkedAt = 0;
    connection.stop();
  };

  return {
    async login({ username, password }: { username: string; password: string }) {
      try {
        const { json } = await http(`${apiUrl}/auth/login`, { method: 'POST', body: JSON.stringify({ username: username.trim(), password }) });
        const { accessToken, user } = json as LoginResponse;
        connection.stop(); // a socket of an earlier session must not carry over
        session.write({ token: accessToken, user });
        checkedAt = Date.now();
      } catch (error) {
        // The API's words ("Wrong username or password", "no IVM permission…") are what the login page shows.
        throw new Error(errorMessage(error, 'Signing in failed. Try again.'));
      }
    },
    async logout() {
      const hadSession = session.token() !== null;
      if (hadSession) await http(`${apiUrl}/auth/logout`, { method: 'POST' }).catch(() => undefined);
      endSession();
    },
    async checkAuth() {
      // Nobody signed in yet: off to the login page without a "session ended" notice.
      if (!session.token()) throw { message: false };
      if (Date.now() - checkedAt < recheckMs) return;
      try {
        // Also picks up SANDI permission changes made during the session.
        const { json } = await http(`${apiUrl}/auth/me`);
        session.updateUser(json as StaffUser);
        checkedAt = Date.now();
      } catch (error) {
        if (errorStatus(error) === 401) {
          endSession();
          throw new Error(SESSION_ENDED);
        }
        // The network or the API is down: keep the session; the screens say what failed.
      }
    },
    async checkError(error: unknown) {
      if (errorStatus(error) === 401) {
        endSession();
        throw new Error(SESSION_ENDED);
      }
      // 403 and 404 are answers about one thing, not about the session: stay signed in.
    },
    async getIdentity() {
      const user = session.read()?.user;
      if (!user) throw new Error(SESSION_ENDED);
      return { id: user.id, fullName: user.displayName, username: user.username };
    },
    async getPermissions(): Promise<Permissions | undefined> {
      const user = session.read()?.user;
      return user ? { role: user.role, queueRoles: user.queueRoles } : undefined;
    },
  };
}

export const authProvider = createAuthProvider();
