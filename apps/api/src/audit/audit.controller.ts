import { Readable } from 'node:stream';
import { Controller, Get, Headers, Param, ParseIntPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { setListHeaders } from '../common/list-query';
import { wantsCsv } from './audit-csv';
import { AuditVerifier, type AuditVerification } from './audit-verifier';
import { AuditService } from './audit.service';
import { AuditEventResponseDto, AuditVerificationResponseDto } from './dto/audit-event-response.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('supervisor', 'manager')
@Controller('api/audit-events')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly verifier: AuditVerifier,
  ) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: [AuditEventResponseDto],
    description: 'Newest first. Filters: action, actor, actorType, queue, entityType, entityId, subject, from, to (flat or react-admin filter); '
      + 'paging page/perPage or range; sort. `?format=csv` or `Accept: text/csv` exports every matching row as CSV.',
  })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuditEventResponseDto[] | StreamableFile> {
    if (wantsCsv(query.format, accept)) {
      const csv = await this.audit.exportCsv(user, query);
      return new StreamableFile(Readable.from(csv), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="audit-events.csv"' });
    }
    const page = await this.audit.listEvents(user, query);
    setListHeaders(response, 'audit-events', page.offset, page.rows.length, page.total);
    return page.rows;
  }

  /** The whole chain, so managers only. */
  @Get('verify')
  @Roles('manager')
  @ApiOkResponse({ type: AuditVerificationResponseDto, description: 'The first row that breaks the chain, and how many rows are not sealed yet.' })
  verify(): Promise<AuditVerification> {
    return this.verifier.verify();
  }

  @Get(':id')
  @ApiOkResponse({ type: AuditEventResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<AuditEventResponseDto> {
    return this.audit.getEvent(user, id);
  }
}
