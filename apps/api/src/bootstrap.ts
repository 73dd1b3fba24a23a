import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { validationPipe } from './common/validation.pipe';
import { RedisIoAdapter } from './realtime/redis-io.adapter';

/** Builds the whole IVM application for a configuration: used by `main.ts`, the tests and the benchmark. */
export async function createApp(config: AppConfig, options: { logger?: false | Array<'log' | 'error' | 'warn' | 'debug'> } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: options.logger ?? ['log', 'error', 'warn'],
  });
  // Flat form parsing: Twilio's keys are flat, and nested parsing would change what was signed.
  app.useBodyParser('urlencoded', { extended: false, limit: '256kb' });
  app.useBodyParser('json', { limit: '1mb' });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  if (config.redisUrl) {
    const adapter = new RedisIoAdapter(app, config.redisUrl, config.redisChannelPrefix);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  }

  const document = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('Illinois Vet Messenger API')
    .setDescription('Two-way SMS between the Veterinary Teaching Hospital\'s Client Services and its clients.')
    .addBearerAuth()
    .build());
  SwaggerModule.setup('api/docs', app, document);
  return app;
}

export function logStart(config: AppConfig): void {
  const logger = new Logger('IVM');
  const database = config.database.driver === 'sqlite' ? `SQLite ${config.database.path}` : 'MySQL/MariaDB';
  logger.log(`Illinois Vet Messenger listening on http://localhost:${config.port} (${database}, ${config.messagingProvider} provider)`);
  if (config.messagingProvider === 'simulator') logger.log('Training mode: the simulator provider sends no real texts.');
}
