import { act, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AdminContext, Notification, testDataProvider, type AuthProvider, type DataProvider } from 'react-admin';
import type { Role } from '../src/providers/api-types';
import type { RealtimeCallback, RealtimeEvent } from '../src/providers/realtime-topics';

/**
 * A react-admin test data provider with IVM's realtime half: `subscribe`/`unsubscribe` kept in a
 * map so a test can `publish` an event on a topic as the socket would.
 */
export function liveTestDataProvider(overrides: Record<string, unknown> = {}) {
  const listeners = new Map<string, Set<RealtimeCallback>>();
  const dataProvider = testDataProvider({
    subscribe: async (topic: string, callback: RealtimeCallback) => {
      if (!listeners.has(topic)) listeners.set(topic, new Set());
      listeners.get(topic)!.add(callback);
      return { data: null };
    },
    unsubscribe: async (topic: string, callback: RealtimeCallback) => {
      listeners.get(topic)?.delete(callback);
      return { data: null };
    },
    viewing: jest.fn(async () => undefined),
    typing: jest.fn(async () => undefined),
    health: async () => ({ data: { status: 'ok', provider: 'simulator' } }),
    ...overrides,
  } as Partial<DataProvider>);
  const publish = (topic: string, type: string, data: unknown, extra: Record<string, unknown> = {}) => {
    const event: RealtimeEvent = { topic, type, payload: { ids: [], data, ...extra }, date: new Date() };
    // As a socket event would, outside React's event handlers: act() lets the test see the result.
    act(() => {
      for (const callback of listeners.get(topic) ?? []) callback(event);
    });
  };
  return { dataProvider, publish, listeners };
}

export function testAuthProvider(role: Role = 'staff', username = 'sac.staff', displayName = 'Sam Carter'): AuthProvider {
  return {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getIdentity: async () => ({ id: username, fullName: displayName, username }),
    getPermissions: async () => ({ role, queueRoles: { SAC: role } }),
  };
}

/** Renders inside react-admin's context (router, query cache, i18n, theme) with its notifications. */
export function renderInAdmin(ui: ReactElement, { dataProvider, authProvider = testAuthProvider() }: { dataProvider: DataProvider; authProvider?: AuthProvider }) {
  return render(
    <AdminContext dataProvider={dataProvider} authProvider={authProvider}>
      {ui}
      <Notification />
    </AdminContext>,
  );
}
