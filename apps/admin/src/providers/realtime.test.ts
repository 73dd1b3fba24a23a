import { fakeSocketFactory } from '../../test/fake-socket';
import { aConversation, aMessage } from '../../test/fixtures';
import { createDataProvider } from './dataProvider';
import { createRealtime } from './realtime';
import { CONNECTION_TOPIC, CONVERSATIONS_TOPIC, conversationTopic, messagesTopic } from './realtime-topics';

const nextTick = () => new Promise((resolve) => setTimeout(resolve, 0));
const viewingSent = (socket: { sent: Array<{ event: string; payload: unknown }> }) =>
  socket.sent.filter((sent) => sent.event === 'presence.viewing').map((sent) => sent.payload);

function setup() {
  const sockets = fakeSocketFactory();
  const realtime = createRealtime({ getToken: () => 'token-1', connect: sockets.factory, offlineAfterAttempts: 2, refusedRetryMs: 10 });
  const httpClient = jest.fn();
  const sut = createDataProvider({ realtime, httpClient });
  return { sut, realtime, sockets };
}

describe('realtime subscribe/unsubscribe', () => {
  it('should deliver message.created on the list topic, the conversation topic and its messages topic', async () => {
    const { sut, sockets } = setup();
    const onList = jest.fn();
    const onConversation = jest.fn();
    const onMessages = jest.fn();
    await sut.subscribe(CONVERSATIONS_TOPIC, onList);
    await sut.subscribe(conversationTopic(7), onConversation);
    await sut.subscribe(messagesTopic(7), onMessages);
    const conversation = aConversation({ id: 7, unreadCount: 1 });
    const message = aMessage({ id: 70, conversationId: 7 });

    sockets.latest().serverEmit('message.created', { message, conversation });

    expect(onList).toHaveBeenCalledWith(expect.objectContaining({
      topic: CONVERSATIONS_TOPIC, type: 'created', payload: expect.objectContaining({ ids: [7], data: conversation, message }),
    }));
    expect(onConversation).toHaveBeenCalledWith(expect.objectContaining({ topic: 'resource/conversations/7', type: 'updated', payload: expect.objectContaining({ ids: [7], data: conversation }) }));
    expect(onMessages).toHaveBeenCalledWith(expect.objectContaining({ topic: 'resource/messages/7', type: 'created', payload: expect.objectContaining({ ids: [70], data: message }) }));
  });

  it('should not deliver events of another conversation on a conversation topic', async () => {
    const { sut, sockets } = setup();
    const onConversation = jest.fn();
    await sut.subscribe(conversationTopic(7), onConversation);
    sockets.latest().serverEmit('conversation.updated', { conversation: aConversation({ id: 8 }) });
    expect(onConversation).not.toHaveBeenCalled();
  });

  it('should map conversation.updated, message.updated, presence and typing onto their topics', async () => {
    const { sut, sockets } = setup();
    const onList = jest.fn();
    const onConversation = jest.fn();
    const onMessages = jest.fn();
    await sut.subscribe(CONVERSATIONS_TOPIC, onList);
    await sut.subscribe(conversationTopic(7), onConversation);
    await sut.subscribe(messagesTopic(7), onMessages);
    const socket = sockets.latest();

    socket.serverEmit('conversation.updated', { conversation: aConversation({ id: 7, status: 'archived' }) });
    socket.serverEmit('message.updated', { message: aMessage({ id: 70, conversationId: 7, status: 'delivered' }) });
    socket.serverEmit('presence', { conversationId: 7, viewers: [{ username: 'kim', displayName: 'Kim Lee' }] });
    socket.serverEmit('typing', { conversationId: 7, user: { username: 'kim', displayName: 'Kim Lee' } });

    expect(onList.mock.calls.map(([event]) => event.type)).toEqual(['updated']);
    expect(onConversation.mock.calls.map(([event]) => event.type)).toEqual(['updated', 'presence', 'typing']);
    expect(onConversation.mock.calls[1][0].payload.data).toEqual({ viewers: [{ username: 'kim', displayName: 'Kim Lee' }] });
    expect(onMessages.mock.calls[0][0]).toMatchObject({ type: 'updated', payload: { ids: [70], data: { status: 'delivered' } } });
  });

  it('should stop delivering when the callback unsubscribes, and detach from the socket when nobody listens', async () => {
    const { sut, sockets } = setup();
    const onList = jest.fn();
    await sut.subscribe(CONVERSATIONS_TOPIC, onList);
    const socket = sockets.latest();
    await sut.unsubscribe(CONVERSATIONS_TOPIC, onList);
    socket.serverEmit('conversation.updated', { conversation: aConversation({ id: 7 }) });
    expect(onList).not.toHaveBeenCalled();
    expect(socket.listenerCount('conversation.updated')).toBe(0);
  });

  it('should open one socket for the session however many topics are subscribed, with the token in auth', async () => {
    const { sut, sockets } = setup();
    await sut.subscribe(CONVERSATIONS_TOPIC, jest.fn());
    await sut.subscribe(conversationTopic(1), jest.fn());
    await sut.subscribe(messagesTopic(1), jest.fn());
    expect(sockets.sockets).toHaveLength(1);
    sockets.latest().serverConnect();
    expect(sockets.latest().auth).toEqual([{ token: 'token-1' }]);
  });
});

describe('realtime connection state and resync', () => {
  it('should report reconnecting when the socket drops, connected and a resync when it returns', async () => {
    const { sut, sockets } = setup();
    const onConnection = jest.fn();
    await sut.subscribe(CONVERSATIONS_TOPIC, jest.fn());
    await sut.subscribe(CONNECTION_TOPIC, onConnection);
    const socket = sockets.latest();
    socket.serverConnect();
    onConnection.mockClear();

    socket.serverDisconnect();
    socket.serverConnect();

    expect(onConnection.mock.calls.map(([event]) => event.type === 'state' ? event.payload.data.state : event.type)).toEqual(['reconnecting', 'connected', 'resync']);
  });

  it('should replay the current state to a new connection subscriber', async () => {
    const { sut, sockets } = setup();
    await sut.subscribe(CONVERSATIONS_TOPIC, jest.fn());
    sockets.latest().serverConnect();
    const onConnection = jest.fn();
    await sut.subscribe(CONNECTION_TOPIC, onConnection);
    expect(onConnection).toHaveBeenCalledWith(expect.objectContaining({ type: 'state', payload: expect.objectContaining({ data: { state: 'connected' } }) }));
  });

  it('should say offline after repeated failures and keep retrying when the server refuses the socket', async () => {
    jest.useFakeTimers();
    try {
      const { sut, sockets } = setup();
      const onConnection = jest.fn();
      await sut.subscribe(CONVERSATIONS_TOPIC, jest.fn());
      await sut.subscribe(CONNECTION_TOPIC, onConnection);
      const socket = sockets.latest();
      socket.connectError();
      socket.connectError(true);
      expect(onConnection.mock.calls.at(-1)?.[0].payload.data).toEqual({ state: 'offline' });
      jest.advanceTimersByTime(20);
      expect(socket.connectCalls).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('should tell the server again which conversation this tab views after a reconnect', async () => {
    const { sut, sockets } = setup();
    await sut.subscribe(CONVERSATIONS_TOPIC, jest.fn());
    const socket = sockets.latest();
    socket.serverConnect();
    await sut.viewing(12);
    await nextTick();
    socket.serverDisconnect();
    socket.serverConnect();
    expect(viewingSent(socket)).toEqual([{ conversationId: 12 }, { conversationId: 12 }]);
  });

  it('should send one message for a quick close-and-reopen, so the server cannot take them out of order', async () => {
    const { sut, sockets } = setup();
    await sut.subscribe(CONVERSATIONS_TOPIC, jest.fn());
    const socket = sockets.latest();
    socket.serverConnect();
    await sut.viewing(5);
    await sut.viewing(null);
    await sut.viewing(5);
    await nextTick();
    await sut.viewing(null);
    await nextTick();
    expect(viewingSent(socket)).toEqual([{ conversationId: 5 }, { conversationId: null }]);
  });

  it('should send typing only while connected', async () => {
    const { sut, sockets } = setup();
    await sut.subscribe(CONVERSATIONS_TOPIC, jest.fn());
    const socket = sockets.latest();
    await sut.typing(3);
    socket.serverConnect();
    await sut.typing(3);
    expect(socket.sent.filter((sent) => sent.event === 'typing')).toEqual([{ event: 'typing', payload: { conversationId: 3 } }]);
  });

  it('should close the socket at sign-out and open a fresh one for the next session', async () => {
    const { sut, realtime, sockets } = setup();
    const listener = jest.fn();
    await sut.subscribe(CONVERSATIONS_TOPIC, listener);
    realtime.stop();
    await sut.unsubscribe(CONVERSATIONS_TOPIC, listener);
    await sut.subscribe(CONVERSATIONS_TOPIC, listener);
    expect(sockets.sockets).toHaveLength(2);
    expect(sockets.sockets[0].connected).toBe(false);
    sockets.latest().serverEmit('conversation.updated', { conversation: aConversation({ id: 1 }) });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
