import { Controller, Get, Inject, Param, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiForUser } from '../../api/api-for-user';
import { ApiProblem } from '../../api/api-client';
import { SingleQuery } from '../../http/single-values';
import { WebPages } from '../../http/web-pages';
import { SignedInGuard } from '../../sign-in/signed-in.guard';
import { WEB_CLOCK, type WebClock } from '../../web-tokens';
import { asOfFrom } from '../as-of';
import { caseViewModel, type CaseAnswer, type JourneyAnswer, type TimelineAnswer } from './case.view-model';

/** A case: its journey as swimlanes and as a table, whom it waits on, and each victim's obligations, now or as of a past day. */
@Controller('cases')
@UseGuards(SignedInGuard)
export class CaseController {
  constructor(
    private readonly api: ApiForUser,
    private readonly pages: WebPages,
    @Inject(WEB_CLOCK) private readonly clock: WebClock,
  ) {}

  @Get(':caseId')
  async show(@Req() request: Request, @Res() response: Response, @Param('caseId') caseId: string, @SingleQuery() query: Record<string, string>): Promise<void> {
    const api = this.api.of(request);
    // A date that is not real, or still to come, is shown beside the picker, over the case as it stands now.
    const asOf = asOfFrom(query, this.clock.now());
    const instant = 'errorList' in asOf ? undefined : asOf.instant;
    const at = instant ? { asOf: instant } : {};
    const path = `cases/${encodeURIComponent(caseId)}`;
    const [found, timeline] = await Promise.all([api.get<CaseAnswer>(path, at), api.get<TimelineAnswer>(`${path}/timeline`, at)]);
    const journeys = await Promise.all(
      found.state.victims.map((victim) =>
        api.get<JourneyAnswer>(`${path}/victims/${encodeURIComponent(victim.victimId)}/journey`, at).catch((error: unknown) => {
          if (error instanceof ApiProblem && error.status < 500 && error.status !== 401) return { victimId: victim.victimId, unavailable: error.message };
          throw error;
        }),
      ),
    );
    const model = { ...caseViewModel(found, timeline, journeys, this.clock.now(), instant), asOf };
    this.pages.send(request, response, 'pages/case/case.njk', model, 'errorList' in asOf ? 400 : 200);
  }
}
