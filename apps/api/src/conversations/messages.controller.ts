import { Controller, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { ClientAddress, CurrentUser } from '../auth/auth.decorators';
import { MessageResponseDto } from './dto/conversation-response.dto';
import { StaffMessagingService } from './staff-messaging.service';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('api/messages')
export class MessagesController {
  constructor(private readonly messaging: StaffMessagingService) {}

  @Post(':id/resend')
  @ApiCreatedResponse({ type: MessageResponseDto, description: 'A new text with the same words; only for a text that was not delivered.' })
  resend(@CurrentUser() user: AuthUser, @ClientAddress() ipAddress: string | null, @Param('id', ParseIntPipe) id: number): Promise<MessageResponseDto> {
    return this.messaging.resend({ user, ipAddress }, id);
  }
}
