import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from './auth-user';
import { ClientAddress, CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { mapAuthUser, AuthUserResponseDto, LoginResponseDto } from './dto/auth-response.dto';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() body: LoginDto, @ClientAddress() address: string | null): Promise<LoginResponseDto> {
    const { accessToken, user } = await this.auth.login(body.username, body.password, address);
    return { accessToken, user: mapAuthUser(user) };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: AuthUserResponseDto })
  me(@CurrentUser() user: AuthUser): AuthUserResponseDto {
    return mapAuthUser(user);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@CurrentUser() user: AuthUser, @ClientAddress() address: string | null): Promise<void> {
    await this.auth.logout(user, address);
  }
}
