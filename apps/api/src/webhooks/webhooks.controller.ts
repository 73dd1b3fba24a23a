import { Body, Controller, Header, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { MESSAGING_PROVIDER, type MessagingProvider } from '@ivm/messaging-provider';
import { Public } from '../auth/auth.decorators';
import { DeliveryReceiptService } from './delivery-receipt.service';
import { InboundTextService } from './inbound-text.service';
import { WebhookSignatureGuard } from './webhook-signature.guard';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * The active provider's webhooks: `/webhooks/<provider>/sms` and `/webhooks/<provider>/status`.
 * Replies never go inline as TwiML: they leave through the outbox.
 */
@ApiExcludeController()
@Public()
@Controller('webhooks/:provider')
@UseGuards(WebhookSignatureGuard)
export class WebhooksController {
  constructor(
    @Inject(MESSAGING_PROVIDER) private readonly provider: MessagingProvider,
    private readonly inbound: InboundTextService,
    private readonly receipts: DeliveryReceiptService,
  ) {}

  @Post('sms')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async sms(@Body() params: Record<string, unknown>): Promise<string> {
    await this.inbound.receive(this.provider.parseInbound(params));
    return EMPTY_TWIML;
  }

  @Post('status')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async status(@Body() params: Record<string, unknown>): Promise<string> {
    const update = this.provider.parseStatus(params);
    await this.receipts.receive(update, String(params.MessageStatus ?? ''));
    return EMPTY_TWIML;
  }
}
