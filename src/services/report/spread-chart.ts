/**
 * The score-spread chart as inline SVG, one strip per nominee and round: each juror's weighted total is
 * a dot on a 0–100 axis and the panel's score an upright line. Strips sit in table cells (one row per
 * nominee), so the chart breaks across pages between nominees and its axis repeats with the table header.
 * d3-scale places the points and picks the ticks; the SVG elements are written here.
 */
import { scaleLinear } from 'd3-scale';
import { esc } from '../printing/html.ts';

const WIDTH = 240;
const STRIP_HEIGHT = 16;
const AXIS_HEIGHT = 14;
const x = scaleLinear()
  .domain([0, 100])
  .range([6, WIDTH - 6])
  .clamp(true);
const TICKS = x.ticks(5);

const px = (n: number) => n.toFixed(2);

/** The axis printed in the header of each round's column: ticks at 0, 20, … 100. */
export function axisSvg(): string {
  const ticks = TICKS.map(
    (t) =>
      `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${AXIS_HEIGHT - 4}" y2="${AXIS_HEIGHT}" stroke="#555" stroke-width="0.6"/>` +
      `<text x="${px(x(t))}" y="${AXIS_HEIGHT - 6}" text-anchor="middle" font-size="7" fill="#333">${x.tickFormat(5)(t)}</text>`,
  ).join('');
  return (
    `<svg class="axis" viewBox="0 0 ${WIDTH} ${AXIS_HEIGHT}" role="img" aria-label="0–100">` +
    `<line x1="${px(x(0))}" x2="${px(x(100))}" y1="${AXIS_HEIGHT - 0.3}" y2="${AXIS_HEIGHT - 0.3}" stroke="#555" stroke-width="0.6"/>${ticks}</svg>`
  );
}

/**
 * One strip: `totals` are the jurors' weighted totals (null where a juror has none), `panel` the round
 * score, `label` plain text for the image's name. Jurors sit on three staggered lines so equal totals stay
 * visible as separate dots.
 */
export function stripSvg(totals: readonly (number | null)[], panel: number | null, label: string): string {
  const grid = TICKS.map(
    (t) => `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="0" y2="${STRIP_HEIGHT}" stroke="#ddd" stroke-width="0.5"/>`,
  ).join('');
  const dots = totals
    .flatMap((total, i) =>
      total === null ? [] : [`<circle cx="${px(x(total))}" cy="${4 + (i % 3) * 4}" r="2.1" fill="#3d6aa8" fill-opacity="0.7"/>`],
    )
    .join('');
  const mark =
    panel === null
      ? ''
      : `<line x1="${px(x(panel))}" x2="${px(x(panel))}" y1="0.5" y2="${STRIP_HEIGHT - 0.5}" stroke="#b3261e" stroke-width="1.6"/>`;
  return `<svg class="strip" viewBox="0 0 ${WIDTH} ${STRIP_HEIGHT}" role="img" aria-label="${esc(label)}">${grid}${dots}${mark}</svg>`;
}
