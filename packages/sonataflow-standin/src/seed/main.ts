/* eslint-disable no-console -- command-line entry point */
/**
 * `yarn seed [N] [--url http://localhost:8899] [--seed 42]`: asks a running
 * stand-in to bulk-create N deterministic historic instances (the store is in
 * memory, so seeding happens inside the server). To seed at start instead use
 * `yarn start --seed N`.
 */
async function main() {
  const args = process.argv.slice(2);
  let count = 100_000;
  let url =
    process.env.STANDIN_URL ??
    `http://localhost:${process.env.STANDIN_PORT ?? 8899}`;
  let seed: number | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--url') url = args[++i];
    else if (args[i] === '--seed') seed = Number(args[++i]);
    else if (/^\d+$/.test(args[i])) count = Number(args[i]);
    else throw new Error(`unknown argument ${args[i]}`);
  }
  const res = await fetch(`${url}/__standin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count, seed }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(body.message ?? `HTTP ${res.status}`);
  console.log(
    `seeded ${body.created} instances in ${body.ms} ms; ${body.instances} in memory at ${url}`,
  );
}

main().catch(e => {
  console.error(
    `seed failed: ${
      e instanceof Error ? e.message : e
    } (is the stand-in running? yarn start)`,
  );
  process.exit(1);
});
