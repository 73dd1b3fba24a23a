import { randomBytes } from 'node:crypto';
import { InvalidWebhookPayloadError } from '../messaging-provider.errors';
import type {
  InboundMedia,
  MessagingProvider,
  OutboundText,
  ProviderDeliveryStatus,
  ProviderFailureKind,
} from '../messaging-provider.interface';

/** A text as the provider's side recorded it. */
export interface TakenText {
  providerMessageId: string;
  from: string;
  to: string;
  body: string;
  mediaUrls: string[];
  statusCallbackUrl: string | null;
}

/** How a provider names its webhook fields and statuses, so the suite can build and break payloads. */
export interface WebhookVocabulary {
  newMessageId(kind?: 'sms' | 'mms'): string;
  inboundParams(text: { messageId: string; from: string; to: string; body: string; media?: InboundMedia[] }): Record<string, string>;
  statusParams(update: { messageId: string; status: string; errorCode?: string }): Record<string, string>;
  fields: {
    messageId: string;
    from: string;
    to: string;
    body: string;
    mediaCount: string;
    mediaUrl(index: number): string;
    status: string;
    errorCode: string;
  };
  /** Every status word the provider reports, with what it must mean to IVM. */
  statuses: Record<string, ProviderDeliveryStatus | null>;
}

/** The plugin-specific means the suite needs; each plugin's spec builds one. */
export interface MessagingProviderHarness {
  /** Where status callbacks point and what webhooks are signed for. */
  publicBaseUrl: string;
  vocabulary: WebhookVocabulary;
  /** Lower-cased headers that sign a webhook request to `url` with `params`, as the provider would. */
  signWebhook(url: string, params: Record<string, string>): Record<string, string>;
  /**
   * Make the next send fail as `kind`. For 'unknown' the provider must take the text and then
   * fail (a timeout after the request left): the case reconciliation exists for.
   */
  failNextSend(kind: ProviderFailureKind): void;
  /** What the provider actually took, oldest first. */
  taken(): Promise<TakenText[]>;
  /** Frees what setup started. */
  close(): Promise<void>;
}

export interface MessagingProviderContractSetup {
  sut: MessagingProvider;
  harness: MessagingProviderHarness;
}

const HOSPITAL_NUMBER = '+18444073300';
const CLIENT_PHONE = '+15558675310';
const FAILURE_KINDS: ProviderFailureKind[] = ['transient', 'unknown', 'permanent', 'opted_out'];

/**
 * The behaviour every `MessagingProvider` plugin must show. Call it from the plugin's spec;
 * `setup` runs before each test and `harness.close()` after it.
 */
export function describeMessagingProviderContract(
  name: string,
  setup: () => Promise<MessagingProviderContractSetup> | MessagingProviderContractSetup,
): void {
  describe(`${name} (MessagingProvider contract)`, () => {
    let sut: MessagingProvider;
    let harness: MessagingProviderHarness;

    beforeEach(async () => {
      ({ sut, harness } = await setup());
    });

    afterEach(async () => {
      await harness.close();
    });

    const outboundText = (overrides: Partial<OutboundText> = {}): OutboundText => ({
      reference: `outbox-${randomBytes(4).toString('hex')}`,
      from: HOSPITAL_NUMBER,
      to: CLIENT_PHONE,
      body: 'Biscuit is ready to go home. Reply here with any questions.',
      statusCallbackUrl: `${harness.publicBaseUrl}/webhooks/${sut.name}/status`,
      ...overrides,
    });

    const webhookUrl = () => `${harness.publicBaseUrl}/webhooks/${sut.name}/sms`;

    describe('send', () => {
      it('should return a provider id and status sent when the provider takes the text', async () => {
        const sent = await sut.send(outboundText());

        expect(sent.providerMessageId).toEqual(expect.any(String));
        expect(sent.providerMessageId.length).toBeGreaterThan(0);
        expect(sent.status).toBe('sent');
      });

      it('should hand the provider exactly the text when it sends one with media', async () => {
        const text = outboundText({ mediaUrls: ['https://ivm.example.edu/media/a.jpg', 'https://ivm.example.edu/media/b.png'] });

        const sent = await sut.send(text);

        await expect(harness.taken()).resolves.toEqual([
          {
            providerMessageId: sent.providerMessageId,
            from: text.from,
            to: text.to,
            body: text.body,
            mediaUrls: text.mediaUrls,
            statusCallbackUrl: text.statusCallbackUrl,
          },
        ]);
      });

      it('should hand over no media when the text has none', async () => {
        await sut.send(outboundText());

        await expect(harness.taken()).resolves.toEqual([expect.objectContaining({ mediaUrls: [] })]);
      });
    });

    describe('findSent', () => {
      it('should find the text when an earlier attempt sent it', async () => {
        const since = new Date();
        const text = outboundText();
        const sent = await sut.send(text);

        await expect(sut.findSent(text, since)).resolves.toMatchObject({ providerMessageId: sent.providerMessageId });
      });

      it('should return null when that text was never sent', async () => {
        const since = new Date();
        await sut.send(outboundText({ body: 'Your appointment is confirmed.' }));

        await expect(sut.findSent(outboundText({ body: 'A text nobody sent.' }), since)).resolves.toBeNull();
      });

      it('should return null when nothing was sent at all', async () => {
        await expect(sut.findSent(outboundText(), new Date())).resolves.toBeNull();
      });
    });

    describe('verifyWebhook', () => {
      const signedRequest = () => {
        const params = harness.vocabulary.inboundParams({
          messageId: harness.vocabulary.newMessageId(),
          from: CLIENT_PHONE,
          to: HOSPITAL_NUMBER,
          body: 'Is Biscuit ready?',
        });
        return { url: webhookUrl(), headers: harness.signWebhook(webhookUrl(), params), params };
      };

      it('should accept the request when it is correctly signed', () => {
        expect(sut.verifyWebhook(signedRequest())).toBe(true);
      });

      it('should reject the request when a parameter was tampered with', () => {
        const request = signedRequest();
        const params = { ...request.params, [harness.vocabulary.fields.body]: 'Send it to someone else' };

        expect(sut.verifyWebhook({ ...request, params })).toBe(false);
      });

      it('should reject the request when a parameter was added', () => {
        const request = signedRequest();

        expect(sut.verifyWebhook({ ...request, params: { ...request.params, Extra: '1' } })).toBe(false);
      });

      it('should reject the request when the signature header is missing', () => {
        expect(sut.verifyWebhook({ ...signedRequest(), headers: {} })).toBe(false);
      });

      it('should reject the request when the signature header is empty', () => {
        const request = signedRequest();
        const headers = Object.fromEntries(Object.keys(request.headers).map((header) => [header, '']));

        expect(sut.verifyWebhook({ ...request, headers })).toBe(false);
      });

      it('should reject the request when it was signed for a different URL', () => {
        const request = signedRequest();

        expect(sut.verifyWebhook({ ...request, url: `${harness.publicBaseUrl}/webhooks/${sut.name}/status` })).toBe(false);
      });

      it('should reject the request without throwing when the URL is relative', () => {
        const url = `/webhooks/${sut.name}/sms`;
        const request = signedRequest();

        expect(sut.verifyWebhook({ ...request, url, headers: harness.signWebhook(url, request.params) })).toBe(false);
      });
    });

    describe('parseInbound', () => {
      const inbound = (overrides: { body?: string; media?: InboundMedia[] } = {}) => {
        const messageId = harness.vocabulary.newMessageId(overrides.media?.length ? 'mms' : 'sms');
        const params = harness.vocabulary.inboundParams({
          messageId,
          from: CLIENT_PHONE,
          to: HOSPITAL_NUMBER,
          body: overrides.body ?? 'Is Biscuit ready?',
          media: overrides.media,
        });
        return { messageId, params };
      };

      it('should parse the text when it is a normal one', () => {
        const { messageId, params } = inbound();

        expect(sut.parseInbound(params)).toEqual({
          providerMessageId: messageId,
          from: CLIENT_PHONE,
          to: HOSPITAL_NUMBER,
          body: 'Is Biscuit ready?',
          media: [],
        });
      });

      it('should keep the media when the text has media and an empty body', () => {
        const media = [
          { url: 'https://media.example.com/biscuit.jpg', contentType: 'image/jpeg' },
          { url: 'https://media.example.com/rash.png', contentType: 'image/png' },
        ];
        const { messageId, params } = inbound({ body: '', media });

        expect(sut.parseInbound(params)).toEqual({ providerMessageId: messageId, from: CLIENT_PHONE, to: HOSPITAL_NUMBER, body: '', media });
      });

      const invalidCases: Array<[string, (fields: WebhookVocabulary['fields']) => string, (params: Record<string, unknown>, fields: WebhookVocabulary['fields']) => void]> = [
        ['the message id is missing', (f) => f.messageId, (p, f) => delete p[f.messageId]],
        ['the message id is malformed', (f) => f.messageId, (p, f) => (p[f.messageId] = 'XX123')],
        ['the sender is missing', (f) => f.from, (p, f) => delete p[f.from]],
        ['the sender is empty', (f) => f.from, (p, f) => (p[f.from] = '')],
        ['the recipient is missing', (f) => f.to, (p, f) => delete p[f.to]],
        ['the body is missing', (f) => f.body, (p, f) => delete p[f.body]],
        ['the body is empty and there is no media', (f) => f.body, (p, f) => (p[f.body] = '')],
        ['the media count is not a number', (f) => f.mediaCount, (p, f) => (p[f.mediaCount] = 'two')],
        ['the media count is above ten', (f) => f.mediaCount, (p, f) => (p[f.mediaCount] = '11')],
        ['an announced media URL is missing', (f) => f.mediaUrl(0), (p, f) => (p[f.mediaCount] = '1')],
        ['a media URL is not http(s)', (f) => f.mediaUrl(0), (p, f) => Object.assign(p, { [f.mediaCount]: '1', [f.mediaUrl(0)]: 'ftp://media.example.com/a.jpg' })],
        ['a field was sent twice', (f) => f.from, (p, f) => (p[f.from] = [CLIENT_PHONE, CLIENT_PHONE])],
      ];

      it.each(invalidCases)('should name the field when %s', (_case, field, breakParams) => {
        const params: Record<string, unknown> = { ...inbound().params };
        breakParams(params, harness.vocabulary.fields);

        const error = thrownBy(() => sut.parseInbound(params));

        expect(error).toBeInstanceOf(InvalidWebhookPayloadError);
        expect(error).toMatchObject({ field: field(harness.vocabulary.fields), message: expect.stringMatching(/\S/) });
      });
    });

    describe('parseStatus', () => {
      const statusParams = (status: string, errorCode?: string) =>
        harness.vocabulary.statusParams({ messageId: harness.vocabulary.newMessageId(), status, errorCode });

      it('should map every status word when the provider reports it', () => {
        const expected = harness.vocabulary.statuses;

        const mapped = Object.fromEntries(Object.keys(expected).map((word) => [word, sut.parseStatus(statusParams(word)).status]));

        expect(mapped).toEqual(expected);
      });

      it('should keep the error code when the receipt reports a failure', () => {
        const params = statusParams('undelivered', '30003');

        expect(sut.parseStatus(params)).toEqual({
          providerMessageId: params[harness.vocabulary.fields.messageId],
          status: 'undelivered',
          errorCode: '30003',
          errorMessage: null,
        });
      });

      it('should give a null error code when the receipt has none', () => {
        expect(sut.parseStatus(statusParams('delivered')).errorCode).toBeNull();
      });

      it.each([
        ['the status is not a known one', (f: WebhookVocabulary['fields']) => f.status, (p: Record<string, unknown>, f: WebhookVocabulary['fields']) => (p[f.status] = 'exploded')],
        ['the status is missing', (f: WebhookVocabulary['fields']) => f.status, (p: Record<string, unknown>, f: WebhookVocabulary['fields']) => delete p[f.status]],
        ['the message id is missing', (f: WebhookVocabulary['fields']) => f.messageId, (p: Record<string, unknown>, f: WebhookVocabulary['fields']) => delete p[f.messageId]],
        ['the error code is not numeric', (f: WebhookVocabulary['fields']) => f.errorCode, (p: Record<string, unknown>, f: WebhookVocabulary['fields']) => (p[f.errorCode] = 'oops')],
      ])('should name the field when %s', (_case, field, breakParams) => {
        const params: Record<string, unknown> = { ...statusParams('delivered') };
        breakParams(params, harness.vocabulary.fields);

        const error = thrownBy(() => sut.parseStatus(params));

        expect(error).toBeInstanceOf(InvalidWebhookPayloadError);
        expect(error).toMatchObject({ field: field(harness.vocabulary.fields) });
      });
    });

    describe('classifyError', () => {
      it.each(FAILURE_KINDS)('should classify the failure as %s when the provider fails that way', async (kind) => {
        harness.failNextSend(kind);

        const error = await rejectionOf(sut.send(outboundText()));

        expect(sut.classifyError(error)).toEqual({ kind, code: expect.stringMatching(/\S/), message: expect.stringMatching(/\S/) });
      });

      it('should find the text when the failure was unknown and the provider had taken it', async () => {
        const since = new Date();
        const text = outboundText();
        harness.failNextSend('unknown');
        await rejectionOf(sut.send(text));
        const [taken] = await harness.taken();

        await expect(sut.findSent(text, since)).resolves.toMatchObject({ providerMessageId: taken.providerMessageId });
      });

      it.each(['transient', 'permanent', 'opted_out'] as const)('should not have taken the text when the failure was %s', async (kind) => {
        harness.failNextSend(kind);

        await rejectionOf(sut.send(outboundText()));

        await expect(harness.taken()).resolves.toEqual([]);
      });

      it('should call an error it does not know unknown when it is not one of its own', () => {
        expect(sut.classifyError(new Error('something else broke'))).toMatchObject({ kind: 'unknown' });
      });
    });
  });
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to throw, but it returned.');
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}
