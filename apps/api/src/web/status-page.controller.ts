import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { MESSAGING_PROVIDER, type MessagingProvider } from '@ivm/messaging-provider';

/** Until the web app is built (apps/admin), `/` says what is running and where to look. */
@ApiExcludeController()
@Public()
@Controller()
export class StatusPageController {
  constructor(@Inject(MESSAGING_PROVIDER) private readonly provider: MessagingProvider) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    const training = this.provider.name === 'simulator'
      ? '<p class="banner">Training mode — no real texts are sent (simulator provider).</p>'
      : '';
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Illinois Vet Messenger</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#13294B}header{background:#13294B;color:#fff;padding:12px 24px;font-weight:600}
main{padding:24px;max-width:720px}.banner{background:#FFF4E5;border-left:4px solid #FF5F05;padding:8px 12px}a{color:#13294B}</style></head>
<body><header>Illinois Vet Messenger</header><main>${training}
<p>IVM is running. The staff inbox and the supervisor portal open here once the web app is built.</p>
<ul><li><a href="/health">Health</a> — database and provider status</li><li><a href="/api/docs">API documentation</a></li></ul>
</main></body></html>`;
  }
}
