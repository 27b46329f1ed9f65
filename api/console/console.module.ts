import { Module } from '@nestjs/common';
import { ConsoleConfigController } from './console-config.controller';

/**
 * The officers' console (issue 21): its sign-in settings at `GET /v1/public/console-config`; its pages are served
 * before routing by {@link serveConsole} (api/console/serve-console.ts, installed in create-app.ts).
 */
@Module({ controllers: [ConsoleConfigController] })
export class ConsoleModule {}
