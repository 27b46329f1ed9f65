import { Module } from '@nestjs/common';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesService } from './deadlines.service';

/** Deadlines across cases (api-contract `GET /v1/deadlines`). */
@Module({ controllers: [DeadlinesController], providers: [DeadlinesService] })
export class DeadlinesModule {}
