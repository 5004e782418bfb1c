import { Module } from '@nestjs/common';
import { WhatIfController } from './what-if.controller';
import { WhatIfService } from './what-if.service';

/** What-if on the rules (issue 9 §6): recorded trajectories replayed under changed policy parameters. */
@Module({ controllers: [WhatIfController], providers: [WhatIfService] })
export class WhatIfModule {}
