import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PatientResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'canine' }) species: string;
}

export class SandiClientResponseDto {
  @ApiProperty({ example: 'C10001' }) id: string;
  @ApiProperty({ example: 'Jane Doe' }) displayName: string;
  @ApiProperty({ type: [PatientResponseDto] }) patients: PatientResponseDto[];
}

export class ConversationContactDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: '+12175550101' }) phone: string;
  @ApiProperty({ example: '(217) 555-0101' }) phoneDisplay: string;
  @ApiProperty({ enum: ['none', 'pending', 'opted_in', 'opted_out'] }) consentState: string;
  @ApiPropertyOptional({ type: String, nullable: true }) consentChangedAt: string | null;
  @ApiProperty() blocked: boolean;
  @ApiProperty({ description: 'The carrier blocks texts from this conversation\'s number: the client must text START to it.' }) carrierBlocked: boolean;
}

export class ConversationResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'SAC' }) queue: string;
  @ApiProperty({ example: '+18444073300', description: 'The number the client texted; replies leave from it.' }) hospitalNumber: string;
  @ApiProperty({ enum: ['open', 'archived'] }) status: string;
  @ApiProperty({ example: 'Jane Doe', description: 'The linked client, the only match, "Jane Doe or John Doe", or the phone.' }) title: string;
  @ApiProperty({ type: ConversationContactDto }) contact: ConversationContactDto;
  @ApiProperty({ type: [SandiClientResponseDto], description: 'The SANDI clients found for the phone.' }) clients: SandiClientResponseDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) linkedClientId: string | null;
  @ApiProperty({ type: [PatientResponseDto] }) patients: PatientResponseDto[];
  @ApiProperty() lastMessageAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) lastMessagePreview: string | null;
  @ApiProperty() unreadCount: number;
  @ApiPropertyOptional({ type: String, nullable: true }) archivedAt: string | null;
  @ApiProperty({ description: 'Whether staff can text the client now.' }) canReply: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['opted_out', 'not_opted_in', 'carrier_blocked', 'client_blocked', 'archived'] }) replyBlockedCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) replyBlockedReason: string | null;
}

export class MessageSenderDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

export class MessageResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() conversationId: number;
  @ApiProperty({ enum: ['inbound', 'outbound', 'internal'] }) direction: string;
  @ApiProperty({ enum: ['client', 'staff', 'opt_in_prompt', 'welcome', 'help', 'auto_reply', 'note'] }) kind: string;
  @ApiProperty({ description: 'Written by IVM itself (prompt, welcome, help, after-hours).' }) automatic: boolean;
  @ApiProperty() body: string;
  @ApiProperty({ example: [{ url: 'https://…', contentType: 'image/jpeg' }] }) media: Array<{ url: string; contentType: string | null }>;
  @ApiProperty({ enum: ['received', 'note', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'canceled'] }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) errorCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why it was not delivered, in words.' }) errorMessage: string | null;
  @ApiProperty() segments: number;
  @ApiPropertyOptional({ type: MessageSenderDto, nullable: true }) sender: MessageSenderDto | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) statusChangedAt: string | null;
}
