/** A signed-in staff member talking to the real API over HTTP, as the web app will. */
export class StaffClient {
  private constructor(
    private readonly baseUrl: string,
    readonly token: string,
    readonly user: { username: string; displayName: string; role: string; queues: string[] },
  ) {}

  static async login(baseUrl: string, username: string, password = 'demo'): Promise<StaffClient> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { accessToken: string; user: StaffClient['user'] };
    return new StaffClient(baseUrl, body.accessToken, body.user);
  }

  static withToken(baseUrl: string, token: string): StaffClient {
    return new StaffClient(baseUrl, token, { username: '?', displayName: '?', role: '?', queues: [] });
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; text: string; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = null; }
    // `any` keeps test assertions on response bodies short; the shapes are asserted there.
    return { status: response.status, body: parsed as any, text, headers: response.headers };
  }

  get(path: string, headers?: Record<string, string>) { return this.request('GET', path, undefined, headers); }
  post(path: string, body: unknown = {}) { return this.request('POST', path, body); }
}
