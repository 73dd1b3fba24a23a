import { ApiProperty } from '@nestjs/swagger';
import type { AuthUser } from '../auth-user';
import { queueCodesOf } from '../auth-user';

export class AuthUserResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['staff', 'supervisor', 'manager'] }) role: string;
  @ApiProperty({ type: [String], example: ['SAC'] }) queues: string[];
  @ApiProperty({ example: { SAC: 'supervisor' } }) queueRoles: Record<string, string>;
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: AuthUserResponseDto }) user: AuthUserResponseDto;
}

export function mapAuthUser(user: AuthUser): AuthUserResponseDto {
  return {
    id: user.username,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    queues: queueCodesOf(user),
    queueRoles: user.queueRoles,
  };
}
