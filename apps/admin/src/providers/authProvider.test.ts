/**
 * @jest-environment node
 */
// Node's fetch, Request and Response (jsdom has none): the providers run against real HTTP objects.
import { createAuthProvider, SESSION_ENDED } from './authProvider';
import { createHttpClient } from './http-client';
import { createRealtime } from './realtime';
import { createSessionStore } from './session';
import { fakeSocketFactory } from '../../test/fake-socket';

const user = { id: 'sac.supervisor', username: 'sac.supervisor', displayName: 'Susan Park', role: 'supervisor', queues: ['SAC'], queueRoles: { SAC: 'supervisor' } };

function json(status: number, body: unknown) {
  return Promise.resolve(new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

function setup() {
  const fetchMock = jest.fn();
  global.fetch = fetchMock as unknown as typeof fetch;
  const session = createSessionStore(memoryStorage());
  const realtime = createRealtime({ getToken: () => session.token(), connect: fakeSocketFactory().factory });
  const stop = jest.spyOn(realtime, 'stop');
  const sut = createAuthProvider({ session, realtime, httpClient: createHttpClient({ getToken: () => session.token() }), recheckMs: 0 });
  return { sut, session, fetchMock, stop };
}

describe('IVM auth provider', () => {
  it('should keep the token and the user in sessionStorage after a SANDI login', async () => {
    const { sut, session, fetchMock } = setup();
    fetchMock.mockReturnValue(json(200, { accessToken: 'abc', user }));
    await sut.login({ username: ' sac.supervisor ', password: 'demo' });
    expect(JSON.parse(String(fetchMock.mock.calls[0][1].body))).toEqual({ username: 'sac.supervisor', password: 'demo' });
    expect(session.read()).toEqual({ token: 'abc', user });
    await expect(sut.getIdentity!()).resolves.toEqual({ id: 'sac.supervisor', fullName: 'Susan Park', username: 'sac.supervisor' });
    await expect(sut.getPermissions!({})).resolves.toEqual({ role: 'supervisor', queueRoles: { SAC: 'supervisor' } });
  });

  it('should refuse the login with the API\'s words when SANDI gives no IVM permission', async () => {
    const { sut, fetchMock } = setup();
    fetchMock.mockReturnValue(json(403, { statusCode: 403, code: 'no_ivm_access', message: 'Your SANDI account has no IVM permission. Ask your supervisor.' }));
    await expect(sut.login({ username: 'no.access', password: 'demo' })).rejects.toThrow('Your SANDI account has no IVM permission. Ask your supervisor.');
  });

  it('should check the session with /api/auth/me and end it on a 401', async () => {
    const { sut, session, fetchMock, stop } = setup();
    session.write({ token: 'abc', user: user as never });
    fetchMock.mockReturnValueOnce(json(200, { ...user, displayName: 'Susan P.' })).mockReturnValueOnce(json(401, { statusCode: 401, code: 'unauthorized', message: 'Session expired' }));
    await sut.checkAuth({});
    expect(fetchMock.mock.calls[0][0]).toBe('/api/auth/me');
    expect(session.read()?.user.displayName).toBe('Susan P.');
    await expect(sut.checkAuth({})).rejects.toThrow(SESSION_ENDED);
    expect(session.read()).toBeNull();
    expect(stop).toHaveBeenCalled();
  });

  it('should send to the login page without a notice when nobody is signed in', async () => {
    const { sut } = setup();
    await expect(sut.checkAuth({})).rejects.toEqual({ message: false });
  });

  it('should sign out on a 401 from any call but not on a 403 or 404', async () => {
    const { sut, session } = setup();
    session.write({ token: 'abc', user: user as never });
    await expect(sut.checkError({ status: 403 })).resolves.toBeUndefined();
    await expect(sut.checkError({ status: 404 })).resolves.toBeUndefined();
    await expect(sut.checkError({ status: 401 })).rejects.toThrow(SESSION_ENDED);
    expect(session.read()).toBeNull();
  });

  it('should end the session at the API and close the socket at logout', async () => {
    const { sut, session, fetchMock, stop } = setup();
    session.write({ token: 'abc', user: user as never });
    fetchMock.mockReturnValue(json(204, undefined));
    await sut.logout({});
    expect(fetchMock.mock.calls[0][0]).toBe('/api/auth/logout');
    expect(new Headers(fetchMock.mock.calls[0][1].headers).get('Authorization')).toBe('Bearer abc');
    expect(session.read()).toBeNull();
    expect(stop).toHaveBeenCalled();
  });
});
