import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { ClientAddress, CurrentUser } from '../auth/auth.decorators';
import { parseListQuery, setListHeaders } from '../common/list-query';
import { ConversationActionsService } from './conversation-actions.service';
import { ConversationQueryService } from './conversation-query.service';
import {
  AddNoteDto, LinkConversationDto, MoveConversationDto, SendMessageDto, StartConversationDto,
} from './dto/conversation-requests.dto';
import { ConversationResponseDto, MessageResponseDto } from './dto/conversation-response.dto';
import { StaffMessagingService } from './staff-messaging.service';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('api/conversations')
export class ConversationsController {
  constructor(
    private readonly query: ConversationQueryService,
    private readonly actions: ConversationActionsService,
    private readonly messaging: StaffMessagingService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ConversationResponseDto], description: 'Newest activity first. Filters: queue, archived, q; react-admin filter/range/sort also work.' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<ConversationResponseDto[]> {
    const page = parseListQuery(raw, { sortable: ['lastMessageAt', 'unreadCount', 'id'], defaultSort: { field: 'lastMessageAt', order: 'DESC' } });
    const { rows, total } = await this.query.list(user, {
      queue: stringFilter(page.filter.queue),
      archived: booleanFilter(page.filter.archived),
      q: stringFilter(page.filter.q),
    }, page);
    setListHeaders(response, 'conversations', page.offset, rows.length, total);
    return rows;
  }

  @Post()
  @ApiCreatedResponse({ type: MessageResponseDto, description: 'Texts an opted-in client first; the conversation is the message\'s conversationId.' })
  start(@CurrentUser() user: AuthUser, @ClientAddress() ipAddress: string | null, @Body() body: StartConversationDto): Promise<MessageResponseDto> {
    return this.messaging.start({ user, ipAddress }, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: ConversationResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ConversationResponseDto> {
    return this.query.get(user, id);
  }

  @Get(':id/messages')
  @ApiOkResponse({ type: [MessageResponseDto], description: 'Oldest first, staff notes included.' })
  async messages(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Query() raw: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<MessageResponseDto[]> {
    const page = parseListQuery(raw, { sortable: ['id'], defaultSort: { field: 'id', order: 'ASC' } });
    const { rows, total } = await this.query.messages(user, id, page);
    setListHeaders(response, 'messages', page.offset, rows.length, total);
    return rows;
  }

  @Post(':id/messages')
  @ApiCreatedResponse({ type: MessageResponseDto })
  reply(@CurrentUser() user: AuthUser, @ClientAddress() ipAddress: string | null, @Param('id', ParseIntPipe) id: number, @Body() body: SendMessageDto): Promise<MessageResponseDto> {
    return this.messaging.reply({ user, ipAddress }, id, body.body);
  }

  @Post(':id/notes')
  @ApiCreatedResponse({ type: MessageResponseDto })
  note(@CurrentUser() user: AuthUser, @ClientAddress() ipAddress: string | null, @Param('id', ParseIntPipe) id: number, @Body() body: AddNoteDto): Promise<MessageResponseDto> {
    return this.actions.addNote({ user, ipAddress }, id, body.body);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationResponseDto })
  read(@CurrentUser() user: AuthUser, @ClientAddress() ipAddress: string | null, @Param('id', ParseIntPipe) id: number): Promise<ConversationResponseDto> {
    return this.actions.markRead({ user, ipAddress }, id);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationResponseDto })
  archive(@CurrentUser() user: AuthUser, @ClientAddress() ipAddress: string | null, @Param('id', ParseIntPipe) id: number): Promise<ConversationResponseDto> {
    return this.actions.archive({ user, ipAddress }, id);
  }

  @Post(':id/unarchive')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationResponseDto })
  unarchive(@CurrentUser() user: AuthUser, @ClientAddress() ipAddress: string | null, @Param('id', ParseIntPipe) id: number): Promise<ConversationResponseDto> {
    return this.actions.unarchive({ user, ipAddress }, id);
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationResponseDto })
  move(@CurrentUser() user: AuthUser, @ClientAddress() ipAddress: string | null, @Param('id', ParseIntPipe) id: number, @Body() body: MoveConversationDto): Promise<ConversationResponseDto> {
    return this.actions.move({ user, ipAddress }, id, body.queue);
  }

  @Post(':id/link')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationResponseDto })
  link(@CurrentUser() user: AuthUser, @ClientAddress() ipAddress: string | null, @Param('id', ParseIntPipe) id: number, @Body() body: LinkConversationDto): Promise<ConversationResponseDto> {
    return this.actions.link({ user, ipAddress }, id, body.sandiClientId);
  }
}

function stringFilter(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function booleanFilter(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}
