import { boardPackOf } from '@case-journey/reporting';
import { handBuiltPackReports } from '../../reporting/src/pack/testing/hand-built-pack-reports';
import { PageRenderer } from './page-renderer';
import { renderBoardPack } from './render-board-pack';

const reports = handBuiltPackReports('2025-03', {
  'this-month': { counts: { 'code-compliance': { entitlement: { 'R4.referral': [40, 6, 4, 0], '<script>alert(1)</script>': [20, 2, 8, 0] } } } },
  'last-month': { counts: {} },
  'last-year': { counts: {} },
});
const renderer = new PageRenderer();
const render = (suppress: boolean) =>
  renderBoardPack(renderer, boardPackOf({ area: 'Wessex', month: '2025-03', suppress }, reports), { packId: 'p1', builtAt: '2025-04-10T09:00:00.000Z', digest: 'abc123' });

describe("the board pack's page", () => {
  it('is a GOV.UK page standing alone: its styles inlined, no script or asset fetched for the figures', () => {
    const html = render(true);
    expect(html).toContain('<html lang="en" class="govuk-template');
    expect(html).toContain('.govuk-table{'); // GOV.UK Frontend's CSS, inlined
    expect(html).toContain('Board pack: Wessex, March 2025');
  });

  it('draws each chart just before the table it is drawn from', () => {
    const html = render(true);
    const chart = html.indexOf('<svg role="img" aria-label="Met on time (%) by entitlement');
    const table = html.indexOf('<table class="govuk-table pack-table" id="code-compliance-by-entitlement"');
    expect(chart).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(chart);
    expect(html.slice(chart, table)).not.toContain('<table');
  });

  it('says what was suppressed, or that an unsuppressed pack is not for publication', () => {
    expect(render(true)).toContain('Counts below 5 are suppressed and shown as [c]');
    expect(render(false)).toContain('Small numbers are not suppressed in this pack: it is for the board only, not for publication.');
  });

  it('escapes what it prints', () => {
    const html = render(false);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
