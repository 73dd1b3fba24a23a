import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'sac.staff', description: 'The SANDI username' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username: string;

  @ApiProperty({ example: 'demo', description: 'The SANDI password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}
