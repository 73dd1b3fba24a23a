import { SEEDED_QUEUES } from '../src/database/migrations/seed-queues';
import { InboxSocket } from './support/inbox-socket';
import { StaffClient } from './support/staff-client';
import { TestApp, eventually } from './support/test-app';
import { createTestDatabase } from './support/test-database';
import { FakeTwilioServer } from '@ivm/messaging-provider/testing';

const [SAC, LAC] = SEEDED_QUEUES;
let phoneCounter = 0;
const nextPhone = () => `+1217558${String(1000 + phoneCounter++).padStart(4, '0')}`;

describe('live inbox gateway (socket.io /inbox)', () => {
  let sut: TestApp;
  const sockets: InboxSocket[] = [];
  const connect = async (username: string) => {
    const client = await StaffClient.login(sut.url, username);
    const socket = await InboxSocket.connect(sut.url, client.token);
    sockets.push(socket);
    return { client, socket };
  };

  beforeAll(async () => {
    sut = await TestApp.start({ provider: 'twilio' });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await sut?.close();
  });

  it('should refuse a socket without a token or with a bad one', async () => {
    await expect(InboxSocket.connect(sut.url, undefined)).rejects.toThrow(/unauthorized/);
    await expect(InboxSocket.connect(sut.url, 'not.a.token')).rejects.toThrow(/unauthorized/);
    const client = await StaffClient.login(sut.url, 'sac.staff');
    await client.post('/api/auth/logout');
    await expect(InboxSocket.connect(sut.url, client.token)).rejects.toThrow(/signed out/);
  });

  it('should push a SAC text to SAC staff and never to LAC staff', async () => {
    const sac = await connect('sac.staff');
    const lac = await connect('lac.staff');
    const sacPhone = nextPhone();
    const lacPhone = nextPhone();
    await sut.textFromPhone({ from: sacPhone, to: SAC.phoneNumber, body: 'Hi from a SAC client' });
    const created = await sac.socket.next('message.created', (p) => p.message.body === 'Hi from a SAC client');
    expect(created).toMatchObject({
      message: { direction: 'inbound', kind: 'client', status: 'received' },
      conversation: { queue: 'SAC', contact: { phone: sacPhone }, unreadCount: 1 },
    });
    // Whatever reached the LAC socket before its own LAC event: events arrive in order, so a SAC one would be here.
    await sut.textFromPhone({ from: lacPhone, to: LAC.phoneNumber, body: 'Hi from a LAC client' });
    await lac.socket.next('message.created', (p) => p.message.body === 'Hi from a LAC client');
    await sac.socket.next('message.created', (p) => p.message.kind === 'opt_in_prompt' && p.conversation.contact.phone === sacPhone);
    const lacQueues = new Set(lac.socket.received.flatMap((r) => [r.payload?.conversation?.queue]).filter(Boolean));
    expect([...lacQueues]).toEqual(['LAC']);
    expect(lac.socket.received.some((r) => JSON.stringify(r.payload).includes(sacPhone))).toBe(false);
  });

  it('should push delivery status changes and conversation changes in the REST shapes', async () => {
    const { client, socket } = await connect('sac.supervisor');
    const phone = nextPhone();
    await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'YES' });
    const welcome = await socket.next('message.created', (p) => p.message.kind === 'welcome' && p.conversation.contact.phone === phone);
    const sent = await eventually(() => sut.sentTexts().find((t) => t.to === phone), 'the welcome sent');
    await sut.fakeTwilio!.deliver(sent.sid, 'delivered');
    const delivered = await socket.next('message.updated', (p) => p.message.id === welcome.message.id && p.message.status === 'delivered');
    expect(delivered.message).toMatchObject({ kind: 'welcome', automatic: true, status: 'delivered' });

    const conversationId = welcome.conversation.id;
    const rest = await client.get(`/api/conversations/${conversationId}`);
    await client.post(`/api/conversations/${conversationId}/archive`);
    const archived = await socket.next('conversation.updated', (p) => p.conversation.id === conversationId && p.conversation.status === 'archived');
    expect(Object.keys(archived.conversation).sort()).toEqual(Object.keys(rest.body).sort());
  });

  it('should tell the queue who is viewing and typing in a conversation', async () => {
    const kim = await connect('sac.staff');
    const sue = await connect('sac.supervisor');
    const phone = nextPhone();
    await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Question about Biscuit' });
    const { conversation } = await sue.socket.next('message.created', (p) => p.conversation.contact.phone === phone);
    kim.socket.emit('presence.viewing', { conversationId: conversation.id });
    const presence = await sue.socket.next('presence', (p) => p.conversationId === conversation.id && p.viewers.length === 1);
    expect(presence.viewers).toEqual([{ username: 'sac.staff', displayName: kim.client.user.displayName }]);
    kim.socket.emit('typing', { conversationId: conversation.id });
    const typing = await sue.socket.next('typing', (p) => p.conversationId === conversation.id);
    expect(typing.user.username).toBe('sac.staff');
    kim.socket.emit('presence.viewing', { conversationId: null });
    await sue.socket.next('presence', (p) => p.conversationId === conversation.id && p.viewers.length === 0);
  });

  it('should end up viewing the last conversation named when presence changes quickly', async () => {
    const kim = await connect('sac.staff');
    const sue = await connect('sac.supervisor');
    const phone = nextPhone();
    await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Quick switching' });
    const { conversation } = await sue.socket.next('message.created', (p) => p.conversation.contact.phone === phone);
    kim.socket.emit('presence.viewing', { conversationId: conversation.id });
    kim.socket.emit('presence.viewing', { conversationId: null });
    kim.socket.emit('presence.viewing', { conversationId: conversation.id });
    // Three changes: viewing, none, viewing. The last presence for it must list Kim.
    await eventually(() => sue.socket.events('presence').filter((p) => p.conversationId === conversation.id).length >= 3, 'three presence updates');
    const updates = sue.socket.events('presence').filter((p) => p.conversationId === conversation.id);
    expect(updates[updates.length - 1].viewers.map((v: { username: string }) => v.username)).toEqual(['sac.staff']);
  });

  it('should ignore presence and typing for a conversation the user may not work', async () => {
    const lac = await connect('lac.staff');
    const sac = await connect('sac.staff');
    const phone = nextPhone();
    await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Private SAC matter' });
    const { conversation } = await sac.socket.next('message.created', (p) => p.conversation.contact.phone === phone);
    lac.socket.emit('presence.viewing', { conversationId: conversation.id });
    lac.socket.emit('typing', { conversationId: conversation.id });
    // A SAC user's own signal, sent after the LAC ones, arrives after anything they could have caused.
    const marker = await connect('sac.supervisor');
    marker.socket.emit('typing', { conversationId: conversation.id });
    await sac.socket.next('typing', (p) => p.user.username === 'sac.supervisor');
    expect(sac.socket.events('typing').filter((p) => p.user.username === 'lac.staff')).toEqual([]);
    expect(sac.socket.events('presence').filter((p) => p.conversationId === conversation.id && p.viewers.length > 0)).toEqual([]);
  });
});

const REDIS_URL = process.env.REDIS_URL;
(REDIS_URL ? describe : describe.skip)('live inbox across two API instances (Redis adapter)', () => {
  if (!REDIS_URL) console.warn('REDIS_URL is not set: skipping the two-instance live test.');

  it('should deliver to a socket on one instance a text that arrived through the other instance\'s webhook', async () => {
    const database = await createTestDatabase();
    const fake = await FakeTwilioServer.start();
    const env = { REDIS_URL: REDIS_URL! };
    const first = await TestApp.start({ provider: 'twilio', database, fakeTwilio: fake, env });
    const second = await TestApp.start({ provider: 'twilio', database, fakeTwilio: fake, env: { ...env, OUTBOX_WORKER_ENABLED: 'false' } });
    let socket: InboxSocket | null = null;
    try {
      const client = await StaffClient.login(second.url, 'sac.staff');
      socket = await InboxSocket.connect(second.url, client.token);
      const phone = nextPhone();
      await first.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Through the first instance' });
      const created = await socket.next('message.created', (p) => p.message.body === 'Through the first instance');
      expect(created.conversation).toMatchObject({ queue: 'SAC', contact: { phone } });
    } finally {
      socket?.close();
      await second.close({ everything: false });
      await first.close({ everything: false });
      await fake.close();
      await database.drop();
    }
  });
});
