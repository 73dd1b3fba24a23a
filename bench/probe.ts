import { TestApp } from '../apps/api/test/support/test-app';
(async () => {
  const t = Date.now();
  const app = await TestApp.start({ provider: 'twilio' });
  const r = await app.textFromPhone({ from: '+12175550100', to: '+18444073300', body: 'Hi' });
  console.log(r.status, Date.now() - t);
  await new Promise((res) => setTimeout(res, 500));
  console.log(app.sentTexts().length);
  await app.close();
})();
