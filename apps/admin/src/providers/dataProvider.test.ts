/**
 * @jest-environment node
 */
// Node's fetch, Request and Response (jsdom has none): the providers run against real HTTP objects.
import { createDataProvider } from './dataProvider';
import { createHttpClient, UNREACHABLE_MESSAGE } from './http-client';
import { createRealtime } from './realtime';
import { fakeSocketFactory } from '../../test/fake-socket';

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return Promise.resolve(new Response(text, { status, headers: { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers } }));
}

function setup() {
  const fetchMock = jest.fn();
  global.fetch = fetchMock as unknown as typeof fetch;
  const httpClient = createHttpClient({ getToken: () => 'secret-token', timeoutMs: 1000 });
  const realtime = createRealtime({ getToken: () => 'secret-token', connect: fakeSocketFactory().factory });
  const sut = createDataProvider({ httpClient, realtime });
  const call = (index = 0) => {
    const [url, init] = fetchMock.mock.calls[index] as [string, RequestInit];
    return { url: decodeURIComponent(url), init, headers: new Headers(init.headers) };
  };
  return { sut, fetchMock, call };
}

describe('IVM data provider', () => {
  it('should list conversations the simple-rest way with the Bearer token and read the total', async () => {
    const { sut, fetchMock, call } = setup();
    fetchMock.mockReturnValue(respond(200, [{ id: 1 }], { 'Content-Range': 'conversations 0-0/31', 'X-Total-Count': '31' }));
    const result = await sut.getList('conversations', { filter: { queue: 'SAC', archived: false }, pagination: { page: 1, perPage: 25 }, sort: { field: 'lastMessageAt', order: 'DESC' } });
    expect(result.total).toBe(31);
    expect(call().url).toContain('/api/conversations?');
    expect(call().url).toContain('filter={"queue":"SAC","archived":false}');
    expect(call().url).toContain('range=[0,24]');
    expect(call().headers.get('Authorization')).toBe('Bearer secret-token');
  });

  it('should read a conversation\'s texts from under the conversation, newest page first', async () => {
    const { sut, fetchMock, call } = setup();
    fetchMock.mockReturnValue(respond(200, [{ id: 9, conversationId: 4 }], { 'X-Total-Count': '1', 'Content-Range': 'messages 0-0/1' }));
    const result = await sut.getManyReference('messages', { target: 'conversationId', id: 4, pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'DESC' }, filter: {} });
    expect(call().url).toBe('/api/conversations/4/messages?range=[0,199]&sort=["id","DESC"]');
    expect(result).toEqual({ data: [{ id: 9, conversationId: 4 }], total: 1 });
  });

  it.each([
    ['reply', (sut: ReturnType<typeof createDataProvider>) => sut.reply(4, 'Hello'), '/api/conversations/4/messages', { body: 'Hello' }],
    ['addNote', (sut: ReturnType<typeof createDataProvider>) => sut.addNote(4, 'Called back'), '/api/conversations/4/notes', { body: 'Called back' }],
    ['markRead', (sut: ReturnType<typeof createDataProvider>) => sut.markRead(4), '/api/conversations/4/read', undefined],
    ['archive', (sut: ReturnType<typeof createDataProvider>) => sut.archive(4), '/api/conversations/4/archive', undefined],
    ['unarchive', (sut: ReturnType<typeof createDataProvider>) => sut.unarchive(4), '/api/conversations/4/unarchive', undefined],
    ['move', (sut: ReturnType<typeof createDataProvider>) => sut.move(4, 'LAC'), '/api/conversations/4/move', { queue: 'LAC' }],
    ['link', (sut: ReturnType<typeof createDataProvider>) => sut.link(4, 'C10002'), '/api/conversations/4/link', { sandiClientId: 'C10002' }],
    ['resend', (sut: ReturnType<typeof createDataProvider>) => sut.resend(55), '/api/messages/55/resend', undefined],
    ['block', (sut: ReturnType<typeof createDataProvider>) => sut.block(3, 'Abusive texts'), '/api/contacts/3/block', { reason: 'Abusive texts' }],
    ['unblock', (sut: ReturnType<typeof createDataProvider>) => sut.unblock(3), '/api/contacts/3/unblock', undefined],
    ['simulateInbound', (sut: ReturnType<typeof createDataProvider>) => sut.simulateInbound({ from: '+12175550101', to: '+18444073300', body: 'Hi' }), '/api/simulator/inbound', { from: '+12175550101', to: '+18444073300', body: 'Hi' }],
  ])('should POST %s to the API and answer { data }', async (_name, run, path, body) => {
    const { sut, fetchMock, call } = setup();
    fetchMock.mockReturnValue(respond(200, { id: 1 }));
    await expect(run(sut)).resolves.toEqual({ data: { id: 1 } });
    expect(call().url).toBe(path);
    expect(call().init.method).toBe('POST');
    expect(call().init.body === undefined ? undefined : JSON.parse(String(call().init.body))).toEqual(body);
  });

  it('should ask for the transcript in the format wanted', async () => {
    const { sut, fetchMock, call } = setup();
    fetchMock.mockReturnValueOnce(respond(200, 'plain transcript')).mockReturnValueOnce(respond(200, '<p>html</p>'));
    await expect(sut.transcript(4, 'text')).resolves.toEqual({ data: 'plain transcript' });
    await expect(sut.transcript(4, 'html')).resolves.toEqual({ data: '<p>html</p>' });
    expect(call(0).headers.get('Accept')).toBe('text/plain');
    expect(call(1).headers.get('Accept')).toBe('text/html');
    expect(call(1).url).toBe('/api/conversations/4/transcript');
  });

  it('should reject with the API\'s own message, status and code', async () => {
    const { sut, fetchMock } = setup();
    fetchMock.mockReturnValue(respond(409, { statusCode: 409, code: 'opted_out', message: 'Jane opted out by texting STOP.' }));
    await expect(sut.reply(4, 'Hello')).rejects.toMatchObject({ status: 409, message: 'Jane opted out by texting STOP.', body: { code: 'opted_out' } });
  });

  it('should say in words when IVM cannot be reached', async () => {
    const { sut, fetchMock } = setup();
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(sut.markRead(4)).rejects.toMatchObject({ status: 0, message: UNREACHABLE_MESSAGE });
  });

  it('should read the provider from /health once a minute at most', async () => {
    const { sut, fetchMock, call } = setup();
    fetchMock.mockImplementation(() => respond(200, { status: 'ok', provider: 'simulator' }));
    await expect(sut.health()).resolves.toEqual({ data: { status: 'ok', provider: 'simulator' } });
    await sut.health();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(call().url).toBe('/health');
  });
});
