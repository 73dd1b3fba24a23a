import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class SendMessageDto {
  @ApiProperty({ example: 'Biscuit is ready for pickup after 3 pm.', maxLength: 1600 })
  @IsString()
  body: string;
}

export class AddNoteDto {
  @ApiProperty({ example: 'Called the client; Dr. Lee will call back.' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body: string;
}

export class MoveConversationDto {
  @ApiProperty({ example: 'LAC' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{2,16}$/, { message: 'queue must be a queue code such as SAC' })
  queue: string;
}

export class LinkConversationDto {
  @ApiProperty({ example: 'C10001' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  sandiClientId: string;
}

export class StartConversationDto {
  @ApiProperty({ example: 'SAC' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{2,16}$/, { message: 'queue must be a queue code such as SAC' })
  queue: string;

  @ApiPropertyOptional({ example: 'C10001', description: 'Text the client\'s cell phone from SANDI' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  sandiClientId?: string;

  @ApiPropertyOptional({ example: '(217) 555-0101', description: 'Or text this phone' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;

  @ApiProperty({ example: 'Hello from the Small Animal Clinic.' })
  @IsString()
  body: string;
}
