import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { SIMULATOR_CONTROLS, type SimulatorControls } from '@ivm/messaging-provider';
import { IsArray, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { DomainError } from '../common/domain-error';
import { toE164 } from '../common/phone';

export class SimulatedInboundDto {
  @ApiProperty({ example: '+12175550101', description: 'The client phone texting' })
  @IsString()
  @MaxLength(32)
  from: string;

  @ApiProperty({ example: '+18444073300', description: 'The hospital number texted' })
  @IsString()
  @MaxLength(32)
  to: string;

  @ApiProperty({ example: 'Hi' })
  @IsString()
  @MaxLength(1600)
  body: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsUrl({ require_protocol: true }, { each: true })
  mediaUrls?: string[];
}

/**
 * Training mode: text IVM as a client and see what IVM "sent". Only mounted with the simulator
 * provider, and only for signed-in staff.
 */
@ApiTags('simulator')
@ApiBearerAuth()
@Controller('api/simulator')
export class SimulatorController {
  constructor(@Inject(SIMULATOR_CONTROLS) private readonly simulator: SimulatorControls) {}

  @Post('inbound')
  @HttpCode(202)
  async inbound(@Body() body: SimulatedInboundDto): Promise<{ providerMessageId: string; webhookStatus: number }> {
    const from = toE164(body.from);
    if (!from) throw new DomainError('invalid_input', 400, `"${body.from}" is not a phone number.`, { field: 'from' });
    const to = toE164(body.to);
    if (!to) throw new DomainError('invalid_input', 400, `"${body.to}" is not a phone number.`, { field: 'to' });
    const result = await this.simulator.textFromPhone({ from, to, body: body.body, mediaUrls: body.mediaUrls });
    return { providerMessageId: result.providerMessageId, webhookStatus: result.httpStatus };
  }

  @Get('outbound')
  outbound() {
    return this.simulator.sentTexts().map((text) => ({
      providerMessageId: text.providerMessageId,
      from: text.from,
      to: text.to,
      body: text.body,
      mediaUrls: text.mediaUrls,
      status: text.status,
      sentAt: text.sentAt.toISOString(),
    }));
  }
}
