import type { ConversationResponseDto } from '../src/conversations/dto/conversation-response.dto';
import { SEEDED_QUEUES } from '../src/database/migrations/seed-queues';
import { TestApp, eventually } from './support/test-app';
import { StaffClient } from './support/staff-client';

const [SAC, LAC] = SEEDED_QUEUES;
// Demo fixtures: Emily Chen's cell, with Biscuit (deceased) and Mochi; Jane and John Doe share +12175550101.
const EMILY = '+12175550106';
const DOES = '+12175550101';

/** Issue 3's "done when", end to end on the real app with a fake Twilio. */
describe('staff inbox API', () => {
  let sut: TestApp;
  let sacStaff: StaffClient;
  let lacStaff: StaffClient;
  let supervisor: StaffClient;
  let manager: StaffClient;

  const optIn = async (phone: string, number: string = SAC.phoneNumber) => {
    await sut.textFromPhone({ from: phone, to: number, body: 'Hi' });
    await sut.textFromPhone({ from: phone, to: number, body: 'YES' });
    await eventually(() => sut.sentTexts().filter((t) => t.to === phone).length === 2, 'prompt and welcome');
  };
  const conversationOf = async (client: StaffClient, phone: string, query = 'queue=SAC'): Promise<ConversationResponseDto | undefined> => {
    const list = await client.get(`/api/conversations?${query}`);
    return (list.body as ConversationResponseDto[]).find((c) => c.contact.phone === phone);
  };

  beforeAll(async () => {
    sut = await TestApp.start({ provider: 'twilio' });
    [sacStaff, lacStaff, supervisor, manager] = await Promise.all(
      ['sac.staff', 'lac.staff', 'sac.supervisor', 'manager'].map((username) => StaffClient.login(sut.url, username)));
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should show an opted-in client with SANDI names to SAC staff, send their reply from the SAC number, and keep it from LAC staff', async () => {
    await optIn(EMILY);
    await sut.textFromPhone({ from: EMILY, to: SAC.phoneNumber, body: 'Is Mochi ready for pickup?' });

    const conversation = await eventually(async () => {
      const found = await conversationOf(sacStaff, EMILY);
      return found?.title === 'Emily Chen' ? found : null;
    }, 'the conversation with the SANDI name');
    expect(conversation).toMatchObject({
      queue: 'SAC', status: 'open', title: 'Emily Chen', unreadCount: 3, canReply: true,
      contact: { phone: EMILY, phoneDisplay: '(217) 555-0106', consentState: 'opted_in' },
      lastMessagePreview: 'Is Mochi ready for pickup?',
      linkedClientId: expect.any(String),
    });
    expect(conversation.patients.map((p) => p.name).sort()).toEqual(['Biscuit', 'Mochi']);

    const reply = await sacStaff.post(`/api/conversations/${conversation.id}/messages`, { body: 'Yes, after 3 pm.' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ direction: 'outbound', kind: 'staff', status: 'queued', segments: 1, sender: { username: 'sac.staff' } });
    const sent = await eventually(() => sut.sentTexts().find((t) => t.to === EMILY && t.body === 'Yes, after 3 pm.'), 'the reply sent');
    expect(sent.from).toBe(SAC.phoneNumber);
    const after = await sacStaff.get(`/api/conversations/${conversation.id}`);
    expect(after.body.unreadCount).toBe(0);

    expect((await lacStaff.get(`/api/conversations/${conversation.id}`)).status).toBe(404);
    expect((await lacStaff.get(`/api/conversations?queue=SAC`)).status).toBe(404);
    expect(await conversationOf(lacStaff, EMILY, '')).toBeUndefined();
    expect((await lacStaff.post(`/api/conversations/${conversation.id}/messages`, { body: 'hi' })).status).toBe(404);
  });

  it('should give the thread oldest first with who sent each text, and list headers for react-admin', async () => {
    const conversation = (await conversationOf(sacStaff, EMILY))!;
    const thread = await sacStaff.get(`/api/conversations/${conversation.id}/messages`);
    expect(thread.status).toBe(200);
    expect(thread.headers.get('x-total-count')).toBe(String(thread.body.length));
    expect(thread.headers.get('content-range')).toBe(`messages 0-${thread.body.length - 1}/${thread.body.length}`);
    expect(thread.body.map((m: { kind: string; automatic: boolean }) => [m.kind, m.automatic])).toEqual([
      ['client', false], ['opt_in_prompt', true], ['client', false], ['welcome', true], ['client', false], ['staff', false],
    ]);
  });

  it('should let a supervisor but not staff block the client, archiving the conversation', async () => {
    const conversation = (await conversationOf(sacStaff, EMILY))!;
    const contactId = conversation.contact.id;
    const denied = await sacStaff.post(`/api/contacts/${contactId}/block`, { reason: 'Testing the rules' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
    expect((await lacStaff.post(`/api/contacts/${contactId}/block`, { reason: 'Testing the rules' })).status).toBe(404);

    const blocked = await supervisor.post(`/api/contacts/${contactId}/block`, { reason: 'Abusive texts to the front desk' });
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ blocked: { by: 'sac.supervisor', reason: 'Abusive texts to the front desk' } });
    expect(await conversationOf(sacStaff, EMILY)).toBeUndefined();
    const archived = await conversationOf(sacStaff, EMILY, 'queue=SAC&archived=true');
    expect(archived).toMatchObject({ status: 'archived', contact: { blocked: true }, canReply: false, replyBlockedCode: 'client_blocked' });

    await sut.textFromPhone({ from: EMILY, to: SAC.phoneNumber, body: 'Hello??' });
    expect(await conversationOf(sacStaff, EMILY)).toBeUndefined();
    const refused = await sacStaff.post(`/api/conversations/${conversation.id}/messages`, { body: 'Hi' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('client_blocked');

    expect((await manager.post(`/api/contacts/${contactId}/unblock`)).status).toBe(200);
  });

  it('should paste cleanly: the transcript in plain text and HTML, without staff notes', async () => {
    const conversation = (await conversationOf(sacStaff, EMILY, 'queue=SAC&archived=true'))!;
    await sacStaff.post(`/api/conversations/${conversation.id}/notes`, { body: 'Internal: called the owner' });
    const plain = await sacStaff.get(`/api/conversations/${conversation.id}/transcript`, { accept: 'text/plain' });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(plain.text).toContain('Client: Emily Chen (SANDI #');
    expect(plain.text).toContain('Phone: (217) 555-0106');
    expect(plain.text).toMatch(/\d\d\/\d\d\/\d{4} \d{1,2}:\d\d [AP]M - Client: Is Mochi ready for pickup\?/);
    expect(plain.text).toContain('- Sam Carter: Yes, after 3 pm.');
    expect(plain.text).not.toContain('Internal: called the owner');
    const html = await sacStaff.get(`/api/conversations/${conversation.id}/transcript`, { accept: 'text/html' });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.text).toContain('<strong>Client:</strong> Emily Chen');
  });

  it('should offer both clients of a shared phone and link the conversation to the one staff pick', async () => {
    await optIn(DOES, LAC.phoneNumber);
    const conversation = await eventually(async () => {
      const found = await conversationOf(lacStaff, DOES, 'queue=LAC');
      return found?.clients.length === 2 ? found : null;
    }, 'both SANDI matches');
    expect(conversation).toMatchObject({ title: 'Jane Doe or John Doe', linkedClientId: null });
    const linked = await lacStaff.post(`/api/conversations/${conversation.id}/link`, { sandiClientId: 'C10002' });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ title: 'John Doe', linkedClientId: 'C10002' });
  });

  it('should move a conversation to the right queue while replies keep leaving from the number the client texted', async () => {
    const conversation = (await conversationOf(lacStaff, DOES, 'queue=LAC'))!;
    const moved = await lacStaff.post(`/api/conversations/${conversation.id}/move`, { queue: 'SAC' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ queue: 'SAC', hospitalNumber: LAC.phoneNumber });
    expect((await lacStaff.get(`/api/conversations/${conversation.id}`)).status).toBe(404);
    await sacStaff.post(`/api/conversations/${conversation.id}/messages`, { body: 'SAC here: how can we help?' });
    const sent = await eventually(() => sut.sentTexts().find((t) => t.body === 'SAC here: how can we help?'), 'the reply');
    expect(sent.from).toBe(LAC.phoneNumber);
  });

  it('should refuse a reply, saying why, when the client is not opted in or opted out, and check the body', async () => {
    const pending = '+12175550109';
    await sut.textFromPhone({ from: pending, to: SAC.phoneNumber, body: 'Hi' });
    const conversation = (await eventually(() => conversationOf(sacStaff, pending), 'the conversation'))!;
    const notOptedIn = await sacStaff.post(`/api/conversations/${conversation.id}/messages`, { body: 'Hello' });
    expect(notOptedIn).toMatchObject({ status: 409, body: { code: 'not_opted_in' } });
    expect(notOptedIn.body.message).toContain('reply YES');

    await sut.textFromPhone({ from: pending, to: SAC.phoneNumber, body: 'STOP' });
    const optedOut = await sacStaff.post(`/api/conversations/${conversation.id}/messages`, { body: 'Hello' });
    expect(optedOut).toMatchObject({ status: 409, body: { code: 'opted_out' } });
    expect(optedOut.body.message).toContain('START');
    expect(optedOut.body.message).toMatch(/texting STOP on \d\d\/\d\d\/\d{4}\./);

    const empty = await sacStaff.post(`/api/conversations/${conversation.id}/messages`, { body: '   ' });
    expect(empty).toMatchObject({ status: 400, body: { code: 'invalid_input', field: 'body' } });
    const long = await sacStaff.post(`/api/conversations/${conversation.id}/messages`, { body: 'a'.repeat(1601) });
    expect(long).toMatchObject({ status: 400, body: { field: 'body' } });
  });

  it('should list the user\'s queues with open and unread counts', async () => {
    const queues = await sacStaff.get('/api/queues');
    expect(queues.status).toBe(200);
    expect(queues.body.map((q: { code: string }) => q.code)).toEqual(['SAC']);
    expect(queues.body[0]).toMatchObject({ code: 'SAC', name: 'Small Animal Clinic', role: 'staff', openCount: expect.any(Number) });
    const all = await manager.get('/api/queues');
    expect(all.body.map((q: { code: string }) => q.code)).toEqual(['SAC', 'LAC', 'VMSC']);
  });

  it('should record every one of those actions in the audit log with an intact chain', async () => {
    await eventually(async () => (await manager.get('/api/audit-events/verify')).body?.unsealed === 0, 'the sealer to catch up');
    const verify = await manager.get('/api/audit-events/verify');
    expect(verify.body).toMatchObject({ ok: true, firstBrokenId: null });
    const events = await manager.get('/api/audit-events?perPage=200');
    const actions = new Set(events.body.map((e: { action: string }) => e.action));
    for (const action of ['auth.login', 'consent.prompted', 'consent.opted_in', 'consent.opted_out', 'message.sent', 'contact.blocked', 'contact.unblocked', 'transcript.exported', 'conversation.linked', 'conversation.moved', 'note.added']) {
      expect(actions).toContain(action);
    }
  });
});
