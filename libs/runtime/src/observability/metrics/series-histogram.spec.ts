import { Histogram, Registry } from 'prom-client';
import { SeriesHistogram } from './series-histogram';

const BUCKETS = [0.005, 0.01, 0.1, 1, 10];

function pair(): { plain: Histogram; series: SeriesHistogram; expositions: () => Promise<[string, string]> } {
  const [a, b] = [new Registry(), new Registry()];
  const config = { name: 'h_seconds', help: 'h', labelNames: ['hostname', 'type'], buckets: BUCKETS };
  const plain = new Histogram({ ...config, registers: [a] });
  const series = new SeriesHistogram({ ...config, registers: [b] });
  return { plain, series, expositions: async () => [await a.metrics(), await b.metrics()] };
}

describe('SeriesHistogram', () => {
  it('exposes exactly what prom-client Histogram exposes for the same observations', async () => {
    const { plain, series, expositions } = pair();
    const values = [0, 0.005, 0.0051, 0.01, 0.05, 0.1, 0.99, 1, 3, 10, 10.5, 1e6, -1];
    const types = ['ServiceActivity', 'EmptyEndEvent', ''];
    for (let round = 0; round < 3; round++) {
      values.forEach((value, i) => {
        const labels = { hostname: 'h1', type: types[(i + round) % types.length]! };
        plain.observe(labels, value);
        series.observeSeries(`h1|${labels.type}`, () => ({ ...labels }), value);
      });
    }
    const [expected, actual] = await expositions();
    expect(actual).toBe(expected);
    expect(actual).toContain('h_seconds_count{hostname="h1",type="ServiceActivity"} 13');
  });

  it('starts over after reset and zero, and still refuses a value that is not a number', async () => {
    const { plain, series, expositions } = pair();
    const labels = { hostname: 'h1', type: 'x' };
    series.observeSeries('k', () => labels, 0.5);
    plain.observe(labels, 0.5);
    series.reset();
    plain.reset();
    series.observeSeries('k', () => labels, 2);
    series.observeSeries('k', () => labels, 0.002);
    plain.observe(labels, 2);
    plain.observe(labels, 0.002);
    series.zero(labels);
    plain.zero(labels);
    series.observeSeries('k', () => labels, 0.03);
    plain.observe(labels, 0.03);
    const [expected, actual] = await expositions();
    expect(actual).toBe(expected);
    expect(actual).toContain('h_seconds_count{hostname="h1",type="x"} 1');
    expect(() => series.observeSeries('k', () => labels, Number.NaN)).toThrow(TypeError);
  });
});
