import twilio from 'twilio';

type RequestClientOptions = ConstructorParameters<typeof twilio.RequestClient>[0];
type RequestOptions<TData> = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0] & { data?: TData };

// api.twilio.com, messaging.twilio.com, api.ashburn.us1.twilio.com: every domain the SDK may call.
const TWILIO_HOST = /^https:\/\/([a-z0-9-]+\.)*twilio\.com(:\d+)?/i;

/**
 * Sends the SDK's REST calls to `baseUrl` (TWILIO_API_BASE_URL, a loopback fake in tests) instead
 * of https://*.twilio.com. A subclass rather than a plain object: the SDK's `httpClient` type has
 * private members, and subclassing keeps the real auth, encoding and error handling (TWILIO.md §5.2).
 */
export class LocalRequestClient extends twilio.RequestClient {
  private readonly baseUrl: string;

  constructor(baseUrl: string, options?: RequestClientOptions) {
    super(options);
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  override request<TData>(options: RequestOptions<TData>) {
    return super.request<TData>({ ...options, uri: options.uri.replace(TWILIO_HOST, this.baseUrl) });
  }
}
