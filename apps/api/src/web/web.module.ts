import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { repoFile } from '../config/app-config';
import { StatusPageController } from './status-page.controller';

/** Where `npm run build -w apps/admin` puts the web app. */
export const ADMIN_DIST = repoFile('apps', 'admin', 'dist');

/**
 * Serves the staff web app (inbox, portal, phone simulator) at `/`, with its client-side routes
 * falling back to index.html. The API, webhooks, health and socket.io keep their own paths. Until
 * the web app is built, `/` shows a small status page instead.
 */
@Module({})
export class WebModule {
  static forRoot(distPath = ADMIN_DIST): DynamicModule {
    if (!existsSync(join(distPath, 'index.html'))) return { module: WebModule, controllers: [StatusPageController] };
    return {
      module: WebModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: distPath,
          exclude: ['/api/{*rest}', '/webhooks/{*rest}', '/health', '/health/{*rest}', '/socket.io/{*rest}'],
          serveStaticOptions: {
            // index.html must never be cached (it names the current build); hashed assets may be, for long.
            setHeaders: (response, path) => {
              response.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
            },
          },
        }),
      ],
    };
  }
}
