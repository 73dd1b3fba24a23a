import { Controller, Get, Headers, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { ClientAddress, CurrentUser } from '../auth/auth.decorators';
import { TranscriptService, type TranscriptFormat } from './transcript.service';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('api/conversations')
export class TranscriptsController {
  constructor(private readonly transcripts: TranscriptService) {}

  /** `Accept: text/html` (or `?format=html`) gives the rich version; plain text otherwise. */
  @Get(':id/transcript')
  @ApiProduces('text/plain', 'text/html')
  async transcript(
    @CurrentUser() user: AuthUser,
    @ClientAddress() ipAddress: string | null,
    @Param('id', ParseIntPipe) id: number,
    @Headers('accept') accept: string | undefined,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const wanted: TranscriptFormat = format === 'html' || (!format && prefersHtml(accept)) ? 'text/html' : 'text/plain';
    const body = await this.transcripts.export(user, ipAddress, id, wanted);
    response.type(`${wanted}; charset=utf-8`);
    response.setHeader('Cache-Control', 'no-store');
    return body;
  }
}

function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const plain = accept.indexOf('text/plain');
  return html !== -1 && (plain === -1 || html < plain);
}
