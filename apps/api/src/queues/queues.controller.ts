import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/auth.decorators';
import { setListHeaders } from '../common/list-query';
import { QueueAccessService } from './queue-access.service';
import { QueueStatsService } from './queue-stats.service';

export class QueueResponseDto {
  @ApiProperty({ example: 'SAC' }) id: string;
  @ApiProperty({ example: 'SAC' }) code: string;
  @ApiProperty({ example: 'Small Animal Clinic' }) name: string;
  @ApiProperty({ example: '+18444073300' }) phoneNumber: string;
  @ApiProperty({ enum: ['staff', 'supervisor', 'manager'], description: 'The user\'s role in this queue' }) role: string;
  @ApiProperty() openCount: number;
  @ApiProperty({ description: 'Conversations with unread texts' }) unreadConversations: number;
  @ApiProperty({ description: 'Unread texts in all' }) unreadCount: number;
}

@ApiTags('queues')
@ApiBearerAuth()
@Controller('api/queues')
export class QueuesController {
  constructor(
    private readonly access: QueueAccessService,
    private readonly stats: QueueStatsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [QueueResponseDto], description: 'The queues the user may work, with open and unread counts.' })
  async list(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: Response): Promise<QueueResponseDto[]> {
    const queues = await this.access.workable(user);
    const counts = await this.stats.counts(queues.map((queue) => queue.id));
    const rows = queues.map((queue) => ({
      id: queue.code,
      code: queue.code,
      name: queue.name,
      phoneNumber: queue.phoneNumber,
      role: user.queueRoles[queue.code],
      ...(counts.get(queue.id) ?? { openCount: 0, unreadConversations: 0, unreadCount: 0 }),
    }));
    setListHeaders(response, 'queues', 0, rows.length, rows.length);
    return rows;
  }
}
