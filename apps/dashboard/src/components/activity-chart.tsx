import type { ActivityPoint } from '../api/types';

const HEIGHT = 120;
const BAR_GAP = 2;

/** Activations and failures per day as grouped bars (SVG), with a text summary for screen readers. */
export function ActivityChart({ points }: { points: ActivityPoint[] }) {
  const max = Math.max(1, ...points.map((p) => Math.max(p.activations, p.failures)));
  const totalActivations = points.reduce((sum, p) => sum + p.activations, 0);
  const totalFailures = points.reduce((sum, p) => sum + p.failures, 0);
  const width = Math.max(1, points.length) * 14;
  const summary = `${totalActivations} activations and ${totalFailures} failures over the last ${points.length} days`;
  return (
    <figure className="chart">
      <figcaption>
        Activations <span className="legend legend-ok" aria-hidden="true" /> and failures <span className="legend legend-fail" aria-hidden="true" /> per day
      </figcaption>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary}>
        {points.map((p, i) => {
          const ok = (p.activations / max) * (HEIGHT - 10);
          const fail = (p.failures / max) * (HEIGHT - 10);
          return (
            <g key={p.date}>
              <title>{`${p.date}: ${p.activations} activations, ${p.failures} failures`}</title>
              <rect className="bar-ok" x={i * 14 + BAR_GAP} y={HEIGHT - ok} width={5} height={ok} />
              <rect className="bar-fail" x={i * 14 + 7} y={HEIGHT - fail} width={5} height={fail} />
            </g>
          );
        })}
      </svg>
      <p className="chart-summary">{summary}</p>
    </figure>
  );
}
