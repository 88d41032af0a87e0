// Progressive enhancement only: every page works without it (GOV.UK Frontend's and MOJ Frontend's components).
import { initAll } from '/javascripts/govuk-frontend.min.js';
import { initAll as initMojAll } from '/javascripts/moj-frontend.min.js';

initAll();
initMojAll();
