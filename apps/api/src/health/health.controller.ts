import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { MESSAGING_PROVIDER, type MessagingProvider } from '@ivm/messaging-provider';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { HealthService, type HealthReport } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    @Inject(MESSAGING_PROVIDER) private readonly provider: MessagingProvider,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'IVM is up and its database answers.' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer.' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.report(this.provider.name);
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
