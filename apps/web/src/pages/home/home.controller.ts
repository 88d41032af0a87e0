import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { startPageOf } from '../../http/navigation';
import { WebPages } from '../../http/web-pages';

/** The start page: what the service is, and sign-in; a signed-in user goes to their role's first page. */
@Controller()
export class HomeController {
  constructor(private readonly pages: WebPages) {}

  @Get()
  home(@Req() request: Request, @Res() response: Response): void {
    const user = request.session?.user;
    if (user && startPageOf(user) !== '/') return response.redirect(303, startPageOf(user));
    this.pages.send(request, response, 'pages/home/home.njk', { pageTitle: 'Case journey' });
  }
}
