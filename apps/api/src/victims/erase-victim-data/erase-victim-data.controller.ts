import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@case-journey/access';
import { Requires } from '../../access/requires.decorator';
import { auditSubjectOf } from '../../audit/audit-subject';
import { FlatBodyPipe } from '../../http/flat-body.pipe';
import { VictimIdPipe } from '../../http/victim-id.pipe';
import { EraseVictimDataCommand } from './erase-victim-data.command';
import { ErasureRequestDto } from './erasure-request.dto';
import type { VictimErasure } from './victim-erasure';
import { VictimErasureDto } from './victim-erasure.response';
import { ApiProblemResponses, BODY_PROBLEMS } from '../../http/problem.response';

/** How long the answer waits for the projections to forget the victim. */
const READ_MODELS_WAIT_MS = 5000;

@ApiTags('victims')
@Controller('victims')
export class EraseVictimDataController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':victimId/erasure')
  @Requires('victim:erase')
  @ApiOperation({
    summary: "Erase a victim's personal data, in every case that registers them",
    description:
      'Records VictimDataErased on each case, destroys the victim\'s key (every sealed copy of their details becomes unreadable), deletes notifications about them, ' +
      'and lets the read models forget them; their obligations stay counted, so compliance figures do not move. Later reads of their details answer 410. ' +
      'Repeating the request completes whatever an interrupted one left undone.',
  })
  @ApiProblemResponses(...BODY_PROBLEMS, { 404: 'No case registers this victim', 503: 'The read models are catching up, so not every case of the victim can be found yet, or a store cannot be reached; nothing was erased' })
  @ApiOkResponse({ type: VictimErasureDto, description: 'Erased, and the read models have forgotten the victim' })
  @ApiAcceptedResponse({ type: VictimErasureDto, description: 'Erased; the read models will forget the victim when the projections read the erasure' })
  async erase(
    @Param('victimId', VictimIdPipe) victimId: string,
    @Body(FlatBodyPipe) body: ErasureRequestDto,
    @Req() request: { principal?: Principal },
    @Res({ passthrough: true }) response: Response,
  ): Promise<VictimErasureDto> {
    const erasure = await this.commands.execute<EraseVictimDataCommand, VictimErasure>(
      new EraseVictimDataCommand(victimId, 'request', body.reason.trim(), auditSubjectOf(request), undefined, READ_MODELS_WAIT_MS),
    );
    response.status(erasure.readModels === 'forgotten' ? 200 : 202);
    return erasure;
  }
}
