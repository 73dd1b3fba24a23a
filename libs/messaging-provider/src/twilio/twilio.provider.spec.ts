import { createServer } from 'node:net';
import twilio from 'twilio';
import type { OutboundText } from '../messaging-provider.interface';
import {
  describeMessagingProviderContract,
  FakeTwilioServer,
  type FakeTwilioFailure,
  twilioStyleWebhookVocabulary,
  WebhookReceiver,
} from '../testing';
import { TwilioProvider } from './twilio.provider';

// Short enough that a deliberate hang fails fast, long enough for loopback under load.
const REQUEST_TIMEOUT_MS = 500;
const HANG_MS = 10_000;

const FAILURES: Record<'transient' | 'unknown' | 'permanent' | 'opted_out', FakeTwilioFailure> = {
  transient: { status: 500 },
  unknown: { hangAfterCreateMs: HANG_MS },
  permanent: { status: 400, code: 21211 },
  opted_out: { status: 400, code: 21610 },
};

describeMessagingProviderContract(TwilioProvider.name, async () => {
  const fake = await FakeTwilioServer.start();
  const sut = new TwilioProvider(fake.pluginOptions({ requestTimeoutMs: REQUEST_TIMEOUT_MS }));
  return {
    sut,
    harness: {
      publicBaseUrl: 'https://ivm.example.edu',
      vocabulary: {
        ...twilioStyleWebhookVocabulary,
        // Twilio's real payload shape: every usual key, empty geographic ones included.
        inboundParams: ({ messageId, from, to, body, media }) => fake.inboundParams({ messageSid: messageId, from, to, body, media }),
      },
      signWebhook: (url, params) => ({ 'x-twilio-signature': fake.signInbound(url, params) }),
      failNextSend: (kind) => fake.failNextCreates(FAILURES[kind]),
      taken: async () =>
        fake.created.map((message) => ({
          providerMessageId: message.sid,
          from: message.from,
          to: message.to,
          body: message.body,
          mediaUrls: message.mediaUrls,
          statusCallbackUrl: message.statusCallback,
        })),
      close: () => fake.close(),
    },
  };
});

describe(TwilioProvider.name, () => {
  let fake: FakeTwilioServer;
  let sut: TwilioProvider;

  const text = (overrides: Partial<OutboundText> = {}): OutboundText => ({
    reference: 'outbox-42',
    from: '+18444073300',
    to: '+15558675310',
    body: 'Hello from the fake',
    statusCallbackUrl: 'https://app.example.com/twilio/status',
    ...overrides,
  });

  beforeEach(async () => {
    fake = await FakeTwilioServer.start();
    sut = new TwilioProvider(fake.pluginOptions({ requestTimeoutMs: REQUEST_TIMEOUT_MS }));
  });

  afterEach(async () => {
    await fake.close();
  });

  describe('send', () => {
    it('should post exactly Twilio\'s form body when it sends a text with media', async () => {
      await sut.send(text({ mediaUrls: ['https://example.com/a.jpg', 'https://example.com/b.png'] }));

      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]).toMatchObject({
        method: 'POST',
        path: `/2010-04-01/Accounts/${fake.accountSid}/Messages.json`,
        headers: expect.objectContaining({
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64')}`,
        }),
        body:
          'To=%2B15558675310&StatusCallback=https%3A%2F%2Fapp.example.com%2Ftwilio%2Fstatus&From=%2B18444073300' +
          '&Body=Hello%20from%20the%20fake&MediaUrl=https%3A%2F%2Fexample.com%2Fa.jpg&MediaUrl=https%3A%2F%2Fexample.com%2Fb.png',
      });
    });

    it('should send no MediaUrl when the text has no media', async () => {
      await sut.send(text({ mediaUrls: [] }));

      expect(new URLSearchParams(fake.requests[0].body).has('MediaUrl')).toBe(false);
    });

    it('should return the sid and the segments Twilio counted when Twilio queues the text', async () => {
      const sent = await sut.send(text({ body: 'x'.repeat(161) }));

      expect(sent).toEqual({ providerMessageId: fake.created[0].sid, status: 'sent', segments: 2 });
    });
  });

  describe('classifyError', () => {
    const failWith = async (failure: FakeTwilioFailure) => {
      fake.failNextCreates(failure);
      try {
        await sut.send(text());
      } catch (error) {
        return sut.classifyError(error);
      }
      throw new Error('Expected the send to fail.');
    };

    it('should call a 500 transient when Twilio fails', async () => {
      await expect(failWith({ status: 500 })).resolves.toMatchObject({ kind: 'transient', code: '20500' });
    });

    it('should call a 429 transient when Twilio is throttling', async () => {
      await expect(failWith({ status: 429, code: 20429 })).resolves.toMatchObject({ kind: 'transient', code: '20429' });
    });

    it('should call 21211 permanent with its code when the number is invalid', async () => {
      await expect(failWith({ status: 400, code: 21211 })).resolves.toMatchObject({ kind: 'permanent', code: '21211' });
    });

    it('should call 21610 opted_out when the client texted STOP to the number', async () => {
      await expect(failWith({ status: 400, code: 21610 })).resolves.toMatchObject({ kind: 'opted_out', code: '21610' });
    });

    it('should call a timeout unknown when Twilio took the text but did not answer in time', async () => {
      await expect(failWith({ hangAfterCreateMs: HANG_MS })).resolves.toMatchObject({ kind: 'unknown', code: expect.stringMatching(/^(ECONNABORTED|ETIMEDOUT)$/) });
      expect(fake.created).toHaveLength(1);
    });

    it('should call a dropped connection unknown when the socket is destroyed', async () => {
      await expect(failWith({ destroySocket: true })).resolves.toMatchObject({ kind: 'unknown', code: 'ECONNRESET' });
    });

    it('should call a refused connection transient when nothing listens at the API base URL', async () => {
      const closedPort = await freePort();
      const offline = new TwilioProvider({ ...fake.pluginOptions(), apiBaseUrl: `http://127.0.0.1:${closedPort}` });

      const failure = await offline.send(text()).then(
        () => null,
        (error: unknown) => offline.classifyError(error),
      );

      expect(failure).toMatchObject({ kind: 'transient', code: 'ECONNREFUSED' });
    });

    it('should call rejected credentials transient when the auth token is wrong', async () => {
      const wrongToken = new TwilioProvider({ ...fake.pluginOptions(), authToken: 'not-the-token' });

      const failure = await wrongToken.send(text()).then(
        () => null,
        (error: unknown) => wrongToken.classifyError(error),
      );

      expect(failure).toMatchObject({ kind: 'transient', code: '20003' });
      expect(fake.created).toHaveLength(0);
    });
  });

  describe('findSent', () => {
    it('should find the text when since is within a minute after Twilio created it', async () => {
      const sent = await sut.send(text());

      await expect(sut.findSent(text(), new Date(Date.now() + 30_000))).resolves.toMatchObject({ providerMessageId: sent.providerMessageId });
    });

    it('should not find the text when Twilio created it more than a minute before since', async () => {
      await sut.send(text());

      await expect(sut.findSent(text(), new Date(Date.now() + 120_000))).resolves.toBeNull();
    });

    it('should pick the newest matching text when the same body went out twice', async () => {
      await sut.send(text());
      const second = await sut.send(text());

      await expect(sut.findSent(text(), new Date(0))).resolves.toMatchObject({ providerMessageId: second.providerMessageId });
    });

    it('should skip texts IVM has already matched to other messages', async () => {
      const first = await sut.send(text());
      await sut.send(text());
      const newest = fake.created[fake.created.length - 1].sid;

      await expect(sut.findSent(text(), new Date(0), new Set([newest]))).resolves.toMatchObject({ providerMessageId: first.providerMessageId });
      await expect(sut.findSent(text(), new Date(0), new Set([newest, first.providerMessageId]))).resolves.toBeNull();
    });

    it('should ask Twilio for the pair\'s recent texts when it looks one up', async () => {
      await sut.findSent(text(), new Date());

      expect(fake.requests[0]).toMatchObject({ method: 'GET', query: { To: '+15558675310', From: '+18444073300', PageSize: '50' } });
    });
  });

  describe('verifyWebhook', () => {
    it("should accept Twilio's documented test vector when signed with that token", () => {
      const documented = new TwilioProvider({ ...fake.pluginOptions(), authToken: '12345' });

      const valid = documented.verifyWebhook({
        url: 'https://example.com/myapp.php?foo=1&bar=2',
        headers: { 'x-twilio-signature': 'L/OH5YylLD5NRKLltdqwSvS0BnU=' },
        params: { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' },
      });

      expect(valid).toBe(true);
    });

    it('should reject the request when an empty parameter was dropped', () => {
      const url = 'https://ivm.example.edu/webhooks/twilio/sms';
      const params = fake.inboundParams({ from: '+15558675310', to: '+18444073300', body: 'hi' });
      const { ToZip: _dropped, ...rest } = params;

      expect(sut.verifyWebhook({ url, headers: { 'x-twilio-signature': fake.signInbound(url, params) }, params: rest })).toBe(false);
    });

    it("should reject a simulator signature when the request claims to be Twilio's", () => {
      const url = 'https://ivm.example.edu/webhooks/twilio/sms';
      const params = fake.inboundParams({ from: '+15558675310', to: '+18444073300', body: 'hi' });

      expect(sut.verifyWebhook({ url, headers: { 'x-simulator-signature': fake.signInbound(url, params) }, params })).toBe(false);
    });
  });

  describe('webhooks from the fake', () => {
    let app: WebhookReceiver;

    beforeEach(async () => {
      app = await WebhookReceiver.start();
    });

    afterEach(async () => {
      await app.close();
    });

    it('should verify and parse the status callback when the fake delivers a text', async () => {
      const sent = await sut.send(text({ statusCallbackUrl: `${app.baseUrl}/webhooks/twilio/status` }));

      await fake.deliver(sent.providerMessageId, 'undelivered', '30003');
      const callback = await app.waitFor();

      expect(sut.verifyWebhook(callback)).toBe(true);
      expect(sut.parseStatus(callback.params)).toEqual({
        providerMessageId: sent.providerMessageId,
        status: 'undelivered',
        errorCode: '30003',
        errorMessage: null,
      });
    });

    it('should verify and parse the inbound text when the fake posts one with media', async () => {
      const params = fake.inboundParams({ from: '+15558675310', to: '+18444073300', body: '', media: [{ contentType: 'image/jpeg' }] });

      const answer = await fake.postInbound(`${app.baseUrl}/webhooks/twilio/sms`, params);
      const inbound = await app.waitFor();

      expect(answer.status).toBe(200);
      expect(sut.verifyWebhook(inbound)).toBe(true);
      expect(sut.parseInbound(inbound.params)).toEqual({
        providerMessageId: params.MessageSid,
        from: '+15558675310',
        to: '+18444073300',
        body: '',
        media: [{ url: params.MediaUrl0, contentType: 'image/jpeg' }],
      });
    });

    it('should sign over the public URL when the request goes to a loopback one', async () => {
      const publicUrl = 'https://ivm.example.edu/webhooks/twilio/sms';
      const params = fake.inboundParams({ from: '+15558675310', to: '+18444073300', body: 'hi' });

      await fake.postInbound(`${app.baseUrl}/webhooks/twilio/sms`, params, { signedUrl: publicUrl });
      const inbound = await app.waitFor();

      expect(sut.verifyWebhook({ ...inbound, url: publicUrl })).toBe(true);
      expect(sut.verifyWebhook(inbound)).toBe(false);
    });
  });

  it('should read the error from the SDK when it is a twilio RestException', () => {
    const error = new twilio.RestException({ statusCode: 400, body: { code: 21211, message: 'bad To', status: 400 } });

    expect(sut.classifyError(error)).toMatchObject({ kind: 'permanent', code: '21211' });
  });
});

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No port was assigned.');
  return address.port;
}
