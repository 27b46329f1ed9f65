import { bindable, ephemeralLow, freePort } from '../../scripts/free-port';

describe('freePort: ports for child processes, safe from outgoing connections (CI saw EADDRINUSE)', () => {
  it("reads the kernel's ephemeral range and falls back to 32768 when it cannot", () => {
    expect(ephemeralLow(() => '40000\t60999\n')).toBe(40_000);
    expect(ephemeralLow(() => 'garbage')).toBe(32_768);
    expect(ephemeralLow(() => '1024 60999')).toBe(32_768);
    expect(
      ephemeralLow(() => {
        throw new Error('no /proc');
      }),
    ).toBe(32_768);
  });

  it('hands out distinct, bindable ports below the ephemeral range (and below smallint for Temporal)', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 50; i += 1) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(Math.min(ephemeralLow(), 32_768));
    }
    expect(await bindable(ports[0])).toBe(true);
  });
});
