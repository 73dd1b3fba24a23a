import { TestApp } from './support/test-app';

describe('GET /health', () => {
  it('should answer 200 with the database and provider when all is well, and 503 when the database is gone', async () => {
    const sut = await TestApp.start({ provider: 'simulator' });
    try {
      const ok = await fetch(`${sut.url}/health`);
      expect(ok.status).toBe(200);
      await expect(ok.json()).resolves.toMatchObject({ status: 'ok', database: { reachable: true }, provider: 'simulator', outbox: { waiting: 0 } });

      await sut.dataSource.destroy();
      const down = await fetch(`${sut.url}/health`);
      expect(down.status).toBe(503);
      await expect(down.json()).resolves.toMatchObject({ status: 'unavailable', database: { reachable: false }, provider: 'simulator' });
    } finally {
      await sut.close();
    }
  });

  it('should serve the web app (or, before it is built, the status page) and the API documentation without a session', async () => {
    const sut = await TestApp.start({ provider: 'simulator' });
    try {
      const page = await fetch(sut.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      await expect(page.text()).resolves.toContain('<title>Illinois Vet Messenger</title>');
      // An unknown API path is the API's own 404, not the web app's page.
      const unknownApi = await fetch(`${sut.url}/api/nothing-here`);
      expect(unknownApi.status).toBe(404);
      await expect(unknownApi.json()).resolves.toMatchObject({ statusCode: 404 });
      const docs = await fetch(`${sut.url}/api/docs-json`);
      expect(docs.status).toBe(200);
      await expect(docs.json()).resolves.toMatchObject({ info: { title: 'Illinois Vet Messenger API' } });
    } finally {
      await sut.close();
    }
  });
});
