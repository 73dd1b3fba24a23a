import twilio from 'twilio';
import { classifyTwilioError } from './twilio-error.classifier';

const restException = (status: number, code?: number) =>
  new twilio.RestException({ statusCode: status, body: code === undefined ? 'not json' : { code, message: `Twilio says ${code}`, status } });

const networkError = (code: string, message = `connect ${code} 127.0.0.1:1`) => Object.assign(new Error(message), { code });

describe(classifyTwilioError.name, () => {
  it.each([
    ['21610 from Twilio', restException(400, 21610), 'opted_out', '21610'],
    ['a 429', restException(429, 20429), 'transient', '20429'],
    ['a 500', restException(500, 20500), 'transient', '20500'],
    ['a 503 without a JSON body', restException(503), 'transient', 'HTTP_503'],
    ['a 401 (credentials)', restException(401, 20003), 'transient', '20003'],
    ['a 403', restException(403, 20003), 'transient', '20003'],
    ['a 400 21211', restException(400, 21211), 'permanent', '21211'],
    ['a 404', restException(404, 20404), 'permanent', '20404'],
    ['a duck-typed service exception', { status: 400, code: 21614, message: 'not a mobile' }, 'permanent', '21614'],
    ['ECONNREFUSED', networkError('ECONNREFUSED'), 'transient', 'ECONNREFUSED'],
    ['ENOTFOUND', networkError('ENOTFOUND'), 'transient', 'ENOTFOUND'],
    ['EAI_AGAIN', networkError('EAI_AGAIN'), 'transient', 'EAI_AGAIN'],
    ['EHOSTUNREACH', networkError('EHOSTUNREACH'), 'transient', 'EHOSTUNREACH'],
    ['ENETUNREACH', networkError('ENETUNREACH'), 'transient', 'ENETUNREACH'],
    ['a refusal wrapped in cause', Object.assign(new Error('fetch failed'), { cause: networkError('ECONNREFUSED') }), 'transient', 'ECONNREFUSED'],
    ['an axios timeout', networkError('ECONNABORTED', 'timeout of 300ms exceeded'), 'unknown', 'ECONNABORTED'],
    ['ETIMEDOUT', networkError('ETIMEDOUT'), 'unknown', 'ETIMEDOUT'],
    ['ECONNRESET', networkError('ECONNRESET', 'socket hang up'), 'unknown', 'ECONNRESET'],
    ['EPIPE', networkError('EPIPE'), 'unknown', 'EPIPE'],
    ['a socket hang up without a code', new Error('socket hang up'), 'unknown', 'ECONNRESET'],
    ['a timeout without a code', new Error('timeout of 300ms exceeded'), 'unknown', 'ETIMEDOUT'],
    ['an unexpected error', new Error('boom'), 'unknown', null],
    ['a thrown string', 'boom', 'unknown', null],
  ])('should classify %s', (_name, error, kind, code) => {
    expect(classifyTwilioError(error)).toEqual({ kind, code, message: expect.stringMatching(/\S/) });
  });

  it('should tell a person what to do when the credentials are wrong', () => {
    expect(classifyTwilioError(restException(401, 20003)).message).toContain('TWILIO_AUTH_TOKEN');
  });
});
