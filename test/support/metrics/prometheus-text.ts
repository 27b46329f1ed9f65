/** One sample of a Prometheus text exposition: `name{labels} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of an exposition (label values unescaped enough for the tests: no `"` or `,` inside them). */
export function samplesOf(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([A-Za-z_:][A-Za-z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/([A-Za-z_][A-Za-z0-9_]*)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** The value of the one sample named `name` whose labels include `labels`; undefined when none. */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samplesOf(text).filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value;
}

/** Every family name an exposition declares with `# TYPE`, in order, repeats included (to find duplicates). */
export const declaredTypes = (text: string): string[] =>
  [...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]);

/** Every family name an exposition gives a `# HELP`, repeats included. */
export const declaredHelps = (text: string): string[] =>
  [...text.matchAll(/^# HELP (\S+) /gm)].map((match) => match[1]);

/** `GET url` as text, failing the test on a status other than 200. */
export async function scrape(url: string): Promise<{ text: string; contentType: string | null }> {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text}`);
  return { text, contentType: response.headers.get('content-type') };
}
