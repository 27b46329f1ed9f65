import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { AppConfig } from '../config/app-config';

/** What the officers' console needs to sign officers in (`GET /v1/public/console-config`). */
export class ConsoleConfigView {
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'the OpenID Connect issuer the console signs officers in at (AUTH_ISSUER); null: none is configured, the API ' +
      'takes HS256 development tokens only and the console cannot sign anyone in',
  })
  issuer!: string | null;

  @ApiProperty({ description: "the provider's public client for the console (AUTH_CONSOLE_CLIENT_ID)" })
  clientId!: string;
}

@ApiTags('console')
@Public()
@Controller('v1/public/console-config')
export class ConsoleConfigController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({
    summary: "The console's sign-in settings: the OpenID Connect issuer and the public client id (no token needed)",
  })
  @ApiOkResponse({ type: ConsoleConfigView })
  consoleConfig(): ConsoleConfigView {
    return { issuer: this.config.AUTH_ISSUER ?? null, clientId: this.config.AUTH_CONSOLE_CLIENT_ID };
  }
}
