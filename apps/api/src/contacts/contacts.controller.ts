import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { AuthUser } from '../auth/auth-user';
import { ClientAddress, CurrentUser } from '../auth/auth.decorators';
import { ContactAdminService, type ContactResponse } from './contact-admin.service';

export class BlockContactDto {
  @ApiProperty({ example: 'Abusive messages to staff', description: 'Why the client is blocked (kept in the audit log)' })
  @IsString()
  @MinLength(3, { message: 'Give a reason of at least 3 characters' })
  @MaxLength(500)
  reason: string;
}

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactAdminService) {}

  @Get(':id')
  @ApiOkResponse({ description: 'Consent state and records, carrier blocks, SANDI matches, block state.' })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ContactResponse> {
    return this.contacts.get(user, id);
  }

  @Post(':id/block')
  @HttpCode(200)
  block(@CurrentUser() user: AuthUser, @ClientAddress() ip: string | null, @Param('id', ParseIntPipe) id: number, @Body() body: BlockContactDto): Promise<ContactResponse> {
    return this.contacts.block(user, ip, id, body.reason.trim());
  }

  @Post(':id/unblock')
  @HttpCode(200)
  unblock(@CurrentUser() user: AuthUser, @ClientAddress() ip: string | null, @Param('id', ParseIntPipe) id: number): Promise<ContactResponse> {
    return this.contacts.unblock(user, ip, id);
  }
}
