import { CaseController } from './case/case.controller';
import { CaseFinderController } from './case-finder/case-finder.controller';
import { HomeController } from './home/home.controller';

/** One controller per page, each in its own folder with its view model and template. */
export const PAGE_CONTROLLERS = [HomeController, CaseFinderController, CaseController];
