import { createApp, logStart } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port);
  logStart(config);
}

main().catch((error: unknown) => {
  console.error('IVM could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
