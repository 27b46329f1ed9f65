import { FrontDoor } from './front-door';

/**
 * `node dist/scripts/front-door.cli.js`: the one address of `npm run cluster` (scripts/cluster.sh) in front of its
 * API instances. FRONT_DOOR_PORT (default 3000), FRONT_DOOR_UPSTREAMS: the instances' base URLs, comma-separated — a
 * host name stands for every address it resolves to (compose: `http://parkflow-api:3000`, one per replica),
 * FRONT_DOOR_HOST: the interface it listens on (default 127.0.0.1; compose's container needs 0.0.0.0, since its
 * published port arrives on the container's own network interface).
 */
async function main(): Promise<void> {
  const port = Number(process.env.FRONT_DOOR_PORT ?? 3000);
  const upstreams = (process.env.FRONT_DOOR_UPSTREAMS ?? '').split(',').filter(Boolean);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`FRONT_DOOR_PORT must be a port number, got "${process.env.FRONT_DOOR_PORT}"`);
  if (upstreams.length === 0)
    throw new Error(
      'FRONT_DOOR_UPSTREAMS must list the API instances, e.g. http://127.0.0.1:3001,http://127.0.0.1:3002',
    );
  const frontDoor = new FrontDoor(upstreams);
  const host = process.env.FRONT_DOOR_HOST || '127.0.0.1';
  const bound = await frontDoor.listen(port, host);
  console.log(
    JSON.stringify({ time: new Date().toISOString(), message: 'front door listening', host, port: bound, upstreams }),
  );
  const stop = (): void => void frontDoor.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
